namespace Openterface.Hil.Simulator;

/// <summary>The console target's setup settings (its NVRAM). Setup edits a copy and saves it back on F10.</summary>
internal sealed class FirmwareSettings
{
    public bool Uefi { get; set; } = true;

    public bool SecureBoot { get; set; } = true;

    public bool Virtualization { get; set; } = true;

    public bool NumLockOn { get; set; } = true;

    public bool SataAhci { get; set; } = true;

    public bool Tpm { get; set; } = true;

    public DateOnly SystemDate { get; set; } = new(2021, 4, 13);

    public List<BootDevice> BootOrder { get; private init; } = [BootDevice.InternalDisk, BootDevice.UsbFlash, BootDevice.Network];

    public FirmwareSettings Clone() => new()
    {
        Uefi = Uefi,
        SecureBoot = SecureBoot,
        Virtualization = Virtualization,
        NumLockOn = NumLockOn,
        SataAhci = SataAhci,
        Tpm = Tpm,
        SystemDate = SystemDate,
        BootOrder = [.. BootOrder],
    };

    /// <summary>Puts <paramref name="device"/> at <paramref name="position"/>, swapping with the device that was there.</summary>
    public void PlaceInBootOrder(int position, BootDevice device)
    {
        var from = BootOrder.IndexOf(device);
        (BootOrder[from], BootOrder[position]) = (BootOrder[position], BootOrder[from]);
    }

    public static string Enabled(bool value) => value ? "Enabled" : "Disabled";
}
