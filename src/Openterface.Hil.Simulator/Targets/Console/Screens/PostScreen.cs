using System.Globalization;
using Openterface.Hil.Imaging.Fonts;

namespace Openterface.Hil.Simulator;

/// <summary>
/// The power-on self test: vendor banner, CPU, a memory count, the setup/boot-menu hint. F2 or Del opens setup,
/// F12 the boot menu; otherwise the first present boot device boots after <see cref="ConsoleTargetOptions.PostDuration"/>.
/// </summary>
internal sealed class PostScreen(ConsoleMachine machine) : IConsoleScreen
{
    public const string BiosDate = "04/13/2021";
    public const int MemoryMegabytes = 16384;

    public string Name => "post";

    public void HandleKey(KeyPress key)
    {
        switch (key.Usage)
        {
            case HidKeys.F2 or HidKeys.Delete:
                machine.Show(new SetupScreen(machine));
                break;
            case HidKeys.F12:
                machine.Show(new BootMenuScreen(machine));
                break;
        }
    }

    public void Tick()
    {
        var duration = machine.Options.PostDuration;
        if (machine.SinceShown >= duration)
        {
            machine.BootDefault(machine.ShownAt + duration);
        }
    }

    public void Draw(TextGrid grid)
    {
        var settings = machine.Settings;
        grid.Clear(Vga.LightGray, Vga.Black);
        grid.Write(1, 0, "HIL Firmware BIOS v2.14.1021, An Openterface Simulated BIOS", Vga.White, Vga.Black);
        grid.Write(1, 1, "Copyright (C) 2021, Openterface HIL", Vga.LightGray, Vga.Black);
        grid.Write(1, 3, "HIL-Target Mainboard, BIOS Date " + BiosDate, Vga.Yellow, Vga.Black);
        grid.Write(1, 5, "CPU         : HIL Virtual CPU @ 2.40GHz, 4 Cores", Vga.LightGray, Vga.Black);
        var memory = CountedMemory();
        grid.Write(1, 6, $"Memory Test : {memory,5}M" + (memory == MemoryMegabytes ? " OK" : string.Empty), Vga.LightGray, Vga.Black);
        grid.Write(1, 7, "System Date : " + settings.SystemDate.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture), Vga.LightGray, Vga.Black);
        grid.Write(1, 9, $"Boot Mode   : {(settings.Uefi ? "UEFI" : "Legacy")}", Vga.LightGray, Vga.Black);
        grid.Write(1, 10, "Secure Boot : " + FirmwareSettings.Enabled(settings.SecureBoot), Vga.LightGray, Vga.Black);
        var storage = machine.UsbSwitchToTarget ? ", 1 Storage Device" : string.Empty;
        grid.Write(1, 12, "USB Devices : 1 Keyboard, 1 Mouse" + storage, Vga.LightGray, Vga.Black);
        grid.Write(1, 22, "Press DEL or F2 to enter SETUP, F12 for Boot Menu", Vga.White, Vga.Black);
        grid.Write(1, 24, BiosDate + "-HIL-TARGET-0214", Vga.LightGray, Vga.Black);
    }

    /// <summary>The memory test counts up over the first 60% of the POST time.</summary>
    private int CountedMemory()
    {
        var countTime = machine.Options.PostDuration * 0.6;
        if (countTime <= TimeSpan.Zero || machine.SinceShown >= countTime)
        {
            return MemoryMegabytes;
        }

        var counted = (int)(MemoryMegabytes * (machine.SinceShown / countTime));
        return counted / 256 * 256;
    }
}
