namespace Openterface.Hil.Device;

/// <summary>A Mini-KVM found on this host: its control port, the paired video and HID nodes, and the generation.</summary>
public sealed record DiscoveredKvm(
    string SerialPath,
    string SerialUsbId,
    string? VideoPath,
    string? VideoUsbId,
    string? HidrawPath,
    string UsbPort,
    string Generation);
