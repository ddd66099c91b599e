using System.Globalization;

namespace Openterface.Hil.Simulator;

/// <summary>The setup utility's tabs and items, bound to the settings being edited.</summary>
internal static class SetupPages
{
    public static IReadOnlyList<SetupPage> Build(SetupScreen setup, ConsoleMachine machine)
    {
        FirmwareSettings S() => setup.Pending;
        static string Bracket(string value) => "[" + value + "]";
        static string Date(DateOnly date) => date.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);

        var bootOptions = Enumerable.Range(0, S().BootOrder.Count).Select(position => new SetupItem(
            $"Boot Option #{position + 1}",
            () => Bracket(machine.DeviceName(S().BootOrder[position])),
            "Sets the system boot order. Enter, + or - picks the device for this position.",
            delta => S().PlaceInBootOrder(position, Cycle(S().BootOrder[position], delta))));

        return
        [
            new SetupPage("Main",
            [
                SetupItem.Info("BIOS Version", "2.14.1021", "Firmware version of this board."),
                SetupItem.Info("Build Date", PostScreen.BiosDate, "Date the firmware was built."),
                SetupItem.Info("Processor", "HIL Virtual CPU @ 2.40GHz", "Installed processor."),
                SetupItem.Info("Total Memory", PostScreen.MemoryMegabytes.ToString(CultureInfo.InvariantCulture) + " MB", "Installed memory."),
                new SetupItem("System Date", () => Bracket(Date(S().SystemDate)), "Sets the date. + and - change the day.",
                    delta => S().SystemDate = S().SystemDate.AddDays(delta)),
                new SetupItem("System Time", () => Bracket(machine.ClockTime.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture)),
                    "Time of the real-time clock (read only in this firmware)."),
            ]),
            new SetupPage("Advanced",
            [
                new SetupItem("Virtualization", () => Bracket(FirmwareSettings.Enabled(S().Virtualization)),
                    "Hardware virtualization (VT-x) for hypervisors.", _ => S().Virtualization = !S().Virtualization),
                new SetupItem("Bootup NumLock State", () => Bracket(S().NumLockOn ? "On" : "Off"),
                    "Num Lock state after power-on.", _ => S().NumLockOn = !S().NumLockOn),
                new SetupItem("SATA Mode", () => Bracket(S().SataAhci ? "AHCI" : "RAID"),
                    "How the SATA controller presents disks.", _ => S().SataAhci = !S().SataAhci),
            ]),
            new SetupPage("Boot",
            [
                new SetupItem("Boot Mode", () => Bracket(S().Uefi ? "UEFI" : "Legacy"),
                    "UEFI or Legacy (CSM) boot.", _ => S().Uefi = !S().Uefi),
                .. bootOptions,
            ]),
            new SetupPage("Security",
            [
                new SetupItem("Secure Boot", () => Bracket(FirmwareSettings.Enabled(S().SecureBoot)),
                    "Only boot loaders signed with enrolled keys may run.", _ => S().SecureBoot = !S().SecureBoot),
                new SetupItem("TPM Device", () => Bracket(FirmwareSettings.Enabled(S().Tpm)),
                    "Trusted Platform Module 2.0.", _ => S().Tpm = !S().Tpm),
                SetupItem.Info("Administrator Password", "Not Installed", "No password is set."),
            ]),
            new SetupPage("Save & Exit",
            [
                new SetupItem("Save Changes and Reset", () => string.Empty, "Saves the changes and resets the system.",
                    Activate: setup.AskSave),
                new SetupItem("Discard Changes and Exit", () => string.Empty, "Leaves setup without saving and boots.",
                    Activate: setup.Discard),
                new SetupItem("Load Setup Defaults", () => string.Empty, "Restores the default value of every item.",
                    Activate: setup.LoadDefaults),
            ]),
        ];
    }

    private static BootDevice Cycle(BootDevice device, int delta)
    {
        var count = Enum.GetValues<BootDevice>().Length;
        return (BootDevice)((((int)device + delta) % count + count) % count);
    }
}
