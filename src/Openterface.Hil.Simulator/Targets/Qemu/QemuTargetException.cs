namespace Openterface.Hil.Simulator;

/// <summary>The QEMU virtual target could not start, answer or do what was asked.</summary>
public class QemuTargetException : HilException
{
    public QemuTargetException()
    {
    }

    public QemuTargetException(string message)
        : base(message)
    {
    }

    public QemuTargetException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
