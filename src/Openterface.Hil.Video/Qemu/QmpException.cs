namespace Openterface.Hil.Video;

/// <summary>
/// A QEMU machine protocol (QMP) command failed, the socket could not be reached, or QEMU went away.
/// <see cref="ErrorClass"/> is QMP's error class ("GenericError", "DeviceNotFound", ...) when QEMU answered.
/// </summary>
public class QmpException : HilException
{
    public QmpException()
    {
    }

    public QmpException(string message)
        : base(message)
    {
    }

    public QmpException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public QmpException(string message, string? errorClass, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorClass = errorClass;
    }

    /// <summary>QMP's error class when QEMU answered with an error; null when the connection failed.</summary>
    public string? ErrorClass { get; }
}
