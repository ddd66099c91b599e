namespace Openterface.Hil.Device;

/// <summary>
/// The Mini-KVM (serial port, CH9329, USB switch, power) failed. <see cref="IsTransient"/> tells whether retrying
/// the same operation may succeed (a timeout, a garbled reply, a port that vanished and may come back).
/// </summary>
public class DeviceException : HilException
{
    public DeviceException()
    {
    }

    public DeviceException(string message)
        : base(message)
    {
    }

    public DeviceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public DeviceException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    public bool IsTransient { get; }
}
