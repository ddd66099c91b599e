namespace Openterface.Hil.Protocol;

/// <summary>Where the switchable USB-A port is connected (0x17 reply byte, reference §5).</summary>
public enum UsbSwitchPosition : byte
{
    Host = 0x00,
    Target = 0x01,
}
