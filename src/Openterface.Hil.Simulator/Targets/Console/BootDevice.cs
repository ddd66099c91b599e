namespace Openterface.Hil.Simulator;

/// <summary>The console target's boot devices.</summary>
internal enum BootDevice
{
    InternalDisk,
    UsbFlash,
    Network,
}
