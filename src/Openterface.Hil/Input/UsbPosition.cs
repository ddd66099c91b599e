namespace Openterface.Hil;

/// <summary>Where the Mini-KVM's switchable USB-A port is connected.</summary>
public enum UsbPosition
{
    Host,
    Target,
}
