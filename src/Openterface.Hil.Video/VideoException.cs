namespace Openterface.Hil.Video;

/// <summary>A frame source could not be opened or stopped delivering. <see cref="IsRigFault"/> marks capture-side faults.</summary>
public class VideoException : HilException
{
    public VideoException()
    {
    }

    public VideoException(string message)
        : base(message)
    {
    }

    public VideoException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public VideoException(string message, bool isRigFault, Exception? innerException = null)
        : base(message, innerException)
    {
        IsRigFault = isRigFault;
    }

    /// <summary>True when the capture path (not the product) is at fault: no frames, no signal, device gone.</summary>
    public bool IsRigFault { get; }
}
