namespace Openterface.Hil.Device;

/// <summary>No Mini-KVM (or no port at the given path) was found. The message lists what was found and the remedy.</summary>
public sealed class DeviceNotFoundException : DeviceException
{
    public DeviceNotFoundException()
    {
    }

    public DeviceNotFoundException(string message)
        : base(message, isTransient: false)
    {
    }

    public DeviceNotFoundException(string message, Exception? innerException)
        : base(message, isTransient: false, innerException)
    {
    }
}
