namespace Openterface.Hil.Protocol;

/// <summary>USB string descriptor selector of commands 0A/0B (reference §2.11).</summary>
public enum UsbStringKind : byte
{
    Manufacturer = 0x00,
    Product = 0x01,
    SerialNumber = 0x02,
}
