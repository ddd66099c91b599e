using System.Globalization;
using Openterface.Hil.Imaging.Fonts;

namespace Openterface.Hil.Simulator;

/// <summary>
/// Booting the USB stick runs a firmware flasher: a progress bar for <see cref="ConsoleTargetOptions.FlashDuration"/>,
/// then "done, version X" (X is the stick's <see cref="ConsoleTarget.UsbDiskVersion"/> at boot) and a reboot.
/// </summary>
internal sealed class FlashScreen(ConsoleMachine machine) : IConsoleScreen
{
    private readonly string _label = machine.UsbDiskLabel;
    private readonly string _version = machine.UsbDiskVersion;

    public string Name => "flash";

    public void HandleKey(KeyPress key)
    {
    }

    public void Tick()
    {
        var end = machine.Options.FlashDuration + machine.Options.FlashRebootDelay;
        if (machine.SinceShown >= end)
        {
            machine.Reset(machine.ShownAt + end);
        }
    }

    public void Draw(TextGrid grid)
    {
        var duration = machine.Options.FlashDuration;
        var done = machine.SinceShown >= duration;
        var fraction = done || duration <= TimeSpan.Zero ? 1.0 : machine.SinceShown / duration;
        var percent = ((int)(fraction * 100)).ToString(CultureInfo.InvariantCulture);
        grid.Clear(Vga.LightGray, Vga.Black);
        grid.Write(0, 0, "HIL Flash Utility v1.0", Vga.White, Vga.Black);
        grid.Write(0, 2, $"Reading firmware image from USB: {_label}", Vga.LightGray, Vga.Black);
        grid.Write(0, 4, "Flashing firmware from USB... " + (done ? "done, version " + _version : percent + "%"), Vga.White, Vga.Black);
        ConsoleDrawing.Progress(grid, 0, 5, 50, fraction, Vga.LightGreen, Vga.Black);
        if (done)
        {
            grid.Write(0, 7, "Rebooting...", Vga.LightGray, Vga.Black);
        }
    }
}
