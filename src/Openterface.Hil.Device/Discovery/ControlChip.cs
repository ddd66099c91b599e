namespace Openterface.Hil.Device;

/// <summary>
/// The Mini-KVM's control chip, decided by the serial port's USB id as the vendor apps do (reference §1.1), never by
/// the GET_INFO version byte (the CH32V208 fills it with something else).
/// </summary>
public enum ControlChip
{
    /// <summary>Not known (a pty or a TCP link without <c>?chip=</c>): treated like a CH9329 for configuration.</summary>
    Unknown,

    /// <summary>CH340 USB-UART 1A86:7523 → CH9329 (gen1): 9600/115200 UART, parameter block, DTR cuts the USB-A port's ground.</summary>
    Ch9329,

    /// <summary>CH32V208 1A86:FE0C (current Mini-KVM, KVM-GO): CDC-ACM, no parameter block, RTS = factory reset, switch by 0x17.</summary>
    Ch32V208,
}

internal static class ControlChips
{
    internal static ControlChip FromUsbId(string? usbId) => usbId?.ToLowerInvariant() switch
    {
        "1a86:7523" => ControlChip.Ch9329,
        "1a86:fe0c" => ControlChip.Ch32V208,
        _ => ControlChip.Unknown,
    };

    /// <summary>"ch9329" / "ch32v208" (the <c>?chip=</c> query of a serial URI).</summary>
    internal static ControlChip Parse(string value) => value.ToLowerInvariant() switch
    {
        "ch9329" or "ch340" or "gen1" or "1a86:7523" => ControlChip.Ch9329,
        "ch32v208" or "gen2" or "kvm-go" or "1a86:fe0c" => ControlChip.Ch32V208,
        _ => throw new ArgumentException($"Unknown control chip '{value}' in the serial URI. Use '?chip=ch9329' (gen1, CH340) or '?chip=ch32v208' (gen2/KVM-GO)."),
    };
}
