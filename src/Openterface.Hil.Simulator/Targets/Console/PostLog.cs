using System.Globalization;
using System.Text;

namespace Openterface.Hil.Simulator;

/// <summary>
/// What the console target's firmware prints on its UART at every power-on and reset (115200 8N1, CRLF line ends,
/// a colour escape around the banner like real firmware): the banner, the memory test and the settings it read back
/// from NVRAM, so a test can check firmware output and saved settings without video.
/// </summary>
internal static class PostLog
{
    public static string Format(ConsoleMachine machine)
    {
        var settings = machine.Settings;
        var log = new StringBuilder();
        Line(log, "\u001b[1mHIL Firmware BIOS v2.14.1021\u001b[0m");
        Line(log, "POST: CPU HIL Virtual CPU @ 2.40GHz, 4 cores");
        Line(log, string.Create(CultureInfo.InvariantCulture, $"POST: memory test {PostScreen.MemoryMegabytes}M OK"));
        Line(log, "NVRAM: boot mode " + (settings.Uefi ? "UEFI" : "Legacy"));
        Line(log, "NVRAM: secure boot " + FirmwareSettings.Enabled(settings.SecureBoot));
        Line(log, "NVRAM: num lock " + (settings.NumLockOn ? "On" : "Off"));
        Line(log, "NVRAM: system date " + settings.SystemDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Line(log, "NVRAM: boot order " + string.Join(", ", settings.BootOrder.Select(machine.DeviceName)));
        Line(log, "USB: 1 keyboard, 1 mouse" + (machine.UsbSwitchToTarget ? ", 1 storage device" : string.Empty));
        Line(log, "POST complete; press DEL or F2 for setup, F12 for the boot menu");
        return log.ToString();
    }

    private static void Line(StringBuilder log, string text) => log.Append(text).Append("\r\n");
}
