namespace Openterface.Hil.Protocol;

/// <summary>What was wrong with bytes received from (or meant for) a CH9329.</summary>
public enum ProtocolError
{
    /// <summary>The SUM byte does not match the frame.</summary>
    BadChecksum,

    /// <summary>LEN is above 64 or does not fit the command.</summary>
    BadLength,

    /// <summary>A reply or payload could not be interpreted (wrong size, wrong code, bad field).</summary>
    BadPayload,

    /// <summary>The chip answered with an error status (E1..E6).</summary>
    ErrorReply,
}

/// <summary>Bytes that are not a valid CH9329 frame or reply. Raised by the decoder and the payload parsers only.</summary>
public sealed class ProtocolException : HilException
{
    public ProtocolException(ProtocolError error, string message)
        : base(message)
    {
        Error = error;
    }

    public ProtocolException(ProtocolError error, string message, Ch9329Status status)
        : base(message)
    {
        Error = error;
        Status = status;
    }

    public ProtocolException()
        : base("CH9329 protocol error.")
    {
    }

    public ProtocolException(string message)
        : base(message)
    {
    }

    public ProtocolException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public ProtocolError Error { get; }

    /// <summary>The CMD byte of the rejected frame, when the decoder got that far (an emulator answers E4 to it).</summary>
    public byte? FrameCode { get; init; }

    /// <summary>The chip's status byte when <see cref="Error"/> is <see cref="ProtocolError.ErrorReply"/>.</summary>
    public Ch9329Status? Status { get; }
}
