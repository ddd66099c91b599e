using System.Drawing;
using Openterface.Hil.Imaging.Fonts;

namespace Openterface.Hil.Imaging.Tests.Matching.Corpus;

/// <summary>Text-mode screens (BIOS setup, GRUB, a boot console) rendered with the VGA console font.</summary>
internal static class TextScenes
{
    internal const int Cell = 9;
    internal const int Line = 16;

    private static readonly string[] BiosItems =
    [
        "Boot Order", "Boot Mode", "Secure Boot", "Fast Boot", "USB Legacy Support", "Network Stack", "Wake on LAN",
        "Virtualization", "Hyper-Threading", "SATA Mode", "Serial Console", "Power Button", "Restore on AC Loss",
    ];

    /// <summary>BIOS setup, 720x400: highlighted item <paramref name="selected"/> (row index into the list).</summary>
    internal static Frame Bios(PsfFont font, int selected)
    {
        var grid = new TextGrid(80, 25, background: 1);
        grid.Fill(0, 0, 80, 1, ' ', 0, 3);
        grid.Write(24, 0, "Aptio Setup Utility - Copyright", 0, 3);
        grid.Write(2, 1, "Main   Advanced   Boot   Security   Save & Exit", 15, 1);
        for (var i = 0; i < BiosItems.Length; i++)
        {
            var row = 4 + i;
            var highlighted = i == selected;
            byte fg = highlighted ? (byte)15 : (byte)7;
            byte bg = highlighted ? (byte)4 : (byte)1;
            grid.Fill(2, row, 40, 1, ' ', fg, bg);
            grid.Write(2, row, BiosItems[i], fg, bg);
            var value = i % 4 == 3 ? "[Disabled]" : "[Enabled]";
            grid.Write(50, row, value, highlighted ? (byte)15 : (byte)11, bg);
        }

        grid.Fill(0, 23, 80, 1, '\u2500', 7, 1);
        grid.Write(2, 24, "F1 Help   F9 Defaults   F10 Save & Exit   Esc Exit", 14, 1);
        return new TextGridRenderer(font).Render(grid);
    }

    /// <summary>Where BIOS item <paramref name="index"/>'s value ("[Enabled]") is drawn.</summary>
    internal static Rectangle BiosValue(int index) => new(50 * Cell, (4 + index) * Line, 9 * Cell, Line);

    /// <summary>GRUB menu, 720x400, entry <paramref name="selected"/> highlighted.</summary>
    internal static Frame Grub(PsfFont font, int selected)
    {
        var grid = new TextGrid(80, 25, background: 0);
        grid.Write(27, 1, "GNU GRUB  version 2.12", 7, 0);
        grid.Fill(1, 3, 78, 1, '\u2500', 7, 0);
        grid.Fill(1, 14, 78, 1, '\u2500', 7, 0);
        grid.Fill(1, 3, 1, 12, '\u2502', 7, 0);
        grid.Fill(78, 3, 1, 12, '\u2502', 7, 0);
        grid.Write(1, 3, "\u250c", 7, 0);
        grid.Write(78, 3, "\u2510", 7, 0);
        grid.Write(1, 14, "\u2514", 7, 0);
        grid.Write(78, 14, "\u2518", 7, 0);
        string[] entries = ["Debian GNU/Linux", "Advanced options for Debian GNU/Linux", "Memory test (memtest86+x64.efi)", "UEFI Firmware Settings"];
        for (var i = 0; i < entries.Length; i++)
        {
            var highlighted = i == selected;
            grid.Fill(2, 4 + i, 76, 1, ' ', highlighted ? (byte)0 : (byte)7, highlighted ? (byte)7 : (byte)0);
            grid.Write(3, 4 + i, (highlighted ? "*" : " ") + entries[i], highlighted ? (byte)0 : (byte)7, highlighted ? (byte)7 : (byte)0);
        }

        grid.Write(5, 16, "Use the \u2191 and \u2193 keys to select which entry is highlighted.", 7, 0);
        grid.Write(5, 17, "Press enter to boot the selected OS, `e' to edit the commands", 7, 0);
        grid.Write(5, 18, "before booting or `c' for a command-line.", 7, 0);
        return new TextGridRenderer(font).Render(grid);
    }

    /// <summary>
    /// Boot console, 1024x768 (8-dot cells, 128x48): systemd lines with green "[  OK  ]" tags (repeated text), an
    /// optional red "[FAILED]" line, and the login prompt. <paramref name="scroll"/> moves the log up by rows.
    /// </summary>
    internal static Frame Console(PsfFont font, bool failed, int scroll)
    {
        var grid = new TextGrid(128, 48, background: 0);
        string[] units = ["Journal Service", "udev Kernel Device Manager", "Load Kernel Modules", "Network Time Synchronization",
            "Create Volatile Files", "Update UTMP about System Boot", "OpenBSD Secure Shell server", "Permit User Sessions",
            "Getty on tty1", "Login Service", "D-Bus System Message Bus", "Remount Root and Kernel File Systems"];
        for (var row = 0; row < 44; row++)
        {
            var n = row + scroll;
            var unit = units[n % units.Length];
            if (failed && n == 20)
            {
                grid.Write(0, row, "[", 7, 0);
                grid.Write(1, row, "FAILED", 12, 0);
                grid.Write(7, row, "] Failed to start " + unit + ".", 7, 0);
                continue;
            }

            grid.Write(0, row, "[", 7, 0);
            grid.Write(3, row, "OK", 10, 0);
            grid.Write(7, row, "] Started " + unit + $" (pid {1000 + (n * 37)}).", 7, 0);
        }

        grid.Write(0, 45, "Debian GNU/Linux 13 debian tty1", 7, 0);
        grid.Write(0, 47, "debian login: ", 7, 0);
        return new TextGridRenderer(font, nineDotCells: false).Render(grid);
    }
}
