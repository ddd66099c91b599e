namespace Openterface.Hil.Device;

/// <summary>
/// A Mini-KVM found on this host: its control port, the paired video and HID nodes, and the generation.
/// <see cref="UsbPort"/> and <see cref="VideoUsbPort"/> are the physical USB port paths (e.g. "1-2.2"): they survive a
/// replug into the same socket while node numbers (ttyUSBn, videoN, hidrawN) change.
/// </summary>
public sealed record DiscoveredKvm(
    string SerialPath,
    string SerialUsbId,
    string? VideoPath,
    string? VideoUsbId,
    string? HidrawPath,
    string UsbPort,
    string Generation,
    string? VideoUsbPort = null)
{
    /// <summary>The control chip, from the serial port's USB id.</summary>
    public ControlChip Chip => ControlChips.FromUsbId(SerialUsbId);
}
