using Openterface.Hil.Imaging.Fonts;
using static Openterface.Hil.Imaging.Tests.Ocr.Corpus.GridDrawing;

namespace Openterface.Hil.Imaging.Tests.Ocr.Corpus;

/// <summary>One screen of the OCR corpus: a name, the console font it is drawn with, and its cells.</summary>
internal sealed record CorpusScreen(string Name, string Font, TextGrid Grid, bool NineDotCells = true);

/// <summary>Firmware and console screens as a PC shows them in text mode (BIOS setup, POST, boot menu, GRUB, login).</summary>
internal static class FirmwareScreens
{
    private const byte Black = 0, Blue = 1, Cyan = 3, Red = 4, Grey = 7, DarkGrey = 8, LightCyan = 11, Yellow = 14, White = 15;

    internal static IEnumerable<CorpusScreen> All()
    {
        yield return new("bios-main", "Lat15-VGA16", BiosMain());
        yield return new("bios-advanced", "Lat15-Fixed16", BiosAdvanced());
        yield return new("bios-boot", "Lat15-Terminus16", BiosBoot());
        yield return new("post", "Lat15-VGA16", Post());
        yield return new("post-ega", "Lat15-VGA14", PostEga(), NineDotCells: false);
        yield return new("boot-menu", "Lat15-VGA16", BootMenu());
        yield return new("grub-menu", "Lat15-VGA16", GrubMenu());
        yield return new("login", "Lat15-VGA16", Login());
        yield return new("shell-dense", "Lat15-VGA8", ShellDense());
    }

    private static TextGrid BiosMain()
    {
        var g = new TextGrid(80, 25, Grey);
        g.Clear(Blue, Grey);
        Bar(g, 0, White, Blue, "       Aptio Setup Utility - Copyright (C) 2021 American Megatrends, Inc.");
        g.Write(1, 1, " Main ", Blue, Grey);
        g.Write(7, 1, " Advanced  Chipset  Security  Boot  Save & Exit ", White, Blue);
        Box(g, 0, 2, 80, 21, Blue, Grey);
        g.Write(53, 2, "┬", Blue, Grey);
        for (var y = 3; y < 22; y++)
        {
            g.Write(53, y, "│", Blue, Grey);
        }

        g.Write(53, 22, "┴", Blue, Grey);
        string[] left = ["BIOS Information", "BIOS Vendor", "Core Version", "Compliancy", "Project Version", "Build Date and Time", string.Empty,
            "Memory Information", "Total Memory", "Memory Frequency", string.Empty, "System Language", string.Empty, "System Date", "System Time",
            string.Empty, "Access Level"];
        string[] right = [string.Empty, "American Megatrends", "5.14", "UEFI 2.7; PI 1.6", "1AQKW 0.28 x64", "04/13/2021 10:31:52", string.Empty,
            string.Empty, "16384 MB (DDR4)", "2667 MHz", string.Empty, "[English]", string.Empty, "[Tue 04/13/2021]", "[12:04:38]", string.Empty,
            "Administrator"];
        for (var i = 0; i < left.Length; i++)
        {
            g.Write(2, 3 + i, left[i], i is 0 or 7 ? White : Blue, Grey);
            g.Write(24, 3 + i, right[i], right[i].StartsWith('[') ? White : Blue, Grey);
        }

        g.Write(2, 16, "System Date".PadRight(22), White, Blue);
        g.Write(24, 16, "[Tue 04/13/2021]".PadRight(29), White, Blue);
        g.Write(55, 3, "Set the Date. Use Tab to", Blue, Grey);
        g.Write(55, 4, "switch between Date", Blue, Grey);
        g.Write(55, 5, "elements.", Blue, Grey);
        g.Write(55, 7, "Default Ranges:", Blue, Grey);
        g.Write(55, 8, "Year: 1998-9999", Blue, Grey);
        g.Write(55, 9, "Months: 1-12", Blue, Grey);
        g.Write(55, 10, "Days: dependent on month", Blue, Grey);
        g.Write(54, 12, new string('─', 25), Blue, Grey);
        string[] keys = ["→←: Select Screen", "↑↓: Select Item", "Enter: Select", "+/-: Change Opt.", "F1: General Help", "F2: Previous Values",
            "F9: Optimized Defaults", "F10: Save & Exit", "ESC: Exit"];
        for (var i = 0; i < keys.Length; i++)
        {
            g.Write(55, 13 + i, keys[i], Blue, Grey);
        }

        Bar(g, 24, White, Blue, "                  Version 2.21.1278 Copyright (C) 2021 AMI");
        return g;
    }

    private static TextGrid BiosAdvanced()
    {
        var g = new TextGrid(80, 25, Blue);
        g.Clear(Yellow, Blue);
        Bar(g, 0, Black, Cyan, "    Phoenix - AwardBIOS CMOS Setup Utility");
        Centre(g, 1, "Advanced BIOS Features", White, Blue);
        Box(g, 0, 2, 80, 20, White, Blue);
        string[] names = ["Virus Warning", "CPU L1 & L2 Cache", "Quick Power On Self Test", "First Boot Device", "Second Boot Device",
            "Third Boot Device", "Boot Other Device", "Swap Floppy Drive", "Boot Up NumLock Status", "Gate A20 Option", "Typematic Rate Setting",
            "x Typematic Rate (Chars/Sec)", "x Typematic Delay (Msec)", "Security Option", "APIC Mode", "MPS Version Control For OS",
            "OS Select For DRAM > 64MB"];
        string[] values = ["[Disabled]", "[Enabled]", "[Enabled]", "[Floppy]", "[HDD-0]", "[LS120]", "[Enabled]", "[Disabled]", "[On]", "[Fast]",
            "[Disabled]", "6", "250", "[Setup]", "[Enabled]", "[1.4]", "[Non-OS2]"];
        for (var i = 0; i < names.Length; i++)
        {
            g.Write(3, 3 + i, names[i], Grey, Blue);
            g.Write(33, 3 + i, values[i], i == 3 ? White : Yellow, i == 3 ? Red : Blue);
        }

        g.Write(52, 3, "│ Item Help", White, Blue);
        g.Write(52, 5, "│ Menu Level   ►".Replace('►', '>'), White, Blue);
        g.Write(52, 7, "│ Select Your Boot", White, Blue);
        g.Write(52, 8, "│ Device Priority", White, Blue);
        Bar(g, 22, White, Blue, " ↑↓→←:Move  Enter:Select  +/-/PU/PD:Value  F10:Save  ESC:Exit  F1:General Help");
        Bar(g, 23, White, Blue, "  F5: Previous Values  F6: Fail-Safe Defaults  F7: Optimized Defaults");
        return g;
    }

    private static TextGrid BiosBoot()
    {
        var g = new TextGrid(80, 25, Black);
        g.Clear(Grey, Black);
        Bar(g, 0, White, Cyan, " InsydeH2O Setup Utility                                        Rev. 5.0");
        g.Write(2, 2, "Boot Configuration", White, Black);
        string[] rows = ["Boot Mode            [UEFI]", "Fast Boot            [Enabled]", "USB Boot             [Enabled]", "Network Stack        [Disabled]",
            "PXE Boot to LAN      [Disabled]", "Timeout (seconds)    [5]", "Automatic Failover   [Enabled]"];
        for (var i = 0; i < rows.Length; i++)
        {
            g.Write(4, 4 + i, rows[i], i == 1 ? Black : Grey, i == 1 ? Grey : Black);
        }

        g.Write(2, 12, "EFI", White, Black);
        g.Write(4, 13, "1. Windows Boot Manager (P0: SAMSUNG MZVLB512HAJQ)", Grey, Black);
        g.Write(4, 14, "2. EFI USB Device (Kingston DataTraveler 3.0)", Grey, Black);
        g.Write(4, 15, "3. EFI PXE 0 for IPv4 (00-1A-2B-3C-4D-5E)", Grey, Black);
        g.Write(4, 16, "4. EFI Internal Shell", Grey, Black);
        g.Write(2, 19, "Time: 23:59:07   Date: 12/31/2020   CPU: 45°C   Fan: 2150 RPM", LightCyan, Black);
        Bar(g, 24, Black, Grey, " F1 Help  ↑↓ Select Item  F5/F6 Change Values  F9 Setup Defaults  F10 Save");
        return g;
    }

    private static TextGrid Post()
    {
        var g = new TextGrid(80, 25, Black);
        g.Clear(Grey, Black);
        string[] lines = ["Award Modular BIOS v6.00PG, An Energy Star Ally", "Copyright (C) 1984-2007, Award Software, Inc.", string.Empty,
            "GA-EP45-UD3P F10", string.Empty, "Main Processor : Intel(R) Core(TM)2 Quad CPU Q9550 @ 2.83GHz(333x8.5)",
            "<CPUID:0001067A Patch ID:0A07>", "Memory Testing :  8388608K OK", string.Empty, "Memory Runs at Dual Channel Interleaved",
            "IDE Channel 0 Slave  : None", "IDE Channel 1 Master : ST3500418AS CC38", "IDE Channel 1 Slave  : TSSTcorp CDDVDW SH-S223C SB02",
            string.Empty, "Detecting IDE drives ...", "Verifying DMI Pool Data ........", "Boot from CD/DVD :", "Boot from ATAPI CD-ROM : Failure ...",
            "Boot from Hard Disk..."];
        for (var i = 0; i < lines.Length; i++)
        {
            g.Write(0, i, lines[i], i == 0 ? White : Grey, Black);
        }

        g.Write(0, 23, "Press DEL to enter SETUP, F12 for Boot Menu, END for Qflash", White, Black);
        g.Write(0, 24, "08/12/2009-P45-ICH10-6A79OG0QC-00", Grey, Black);
        return g;
    }

    private static TextGrid PostEga()
    {
        var g = new TextGrid(80, 25, Black);
        g.Clear(Grey, Black);
        string[] lines = ["Phoenix BIOS 4.0 Release 6.0", "Copyright 1985-2001 Phoenix Technologies Ltd.", "All Rights Reserved", string.Empty,
            "CPU = Pentium III 1000 MHz", "0000640K System RAM Passed", "0261120K Extended RAM Passed", "0256K Cache SRAM Passed",
            "System BIOS shadowed", "Video BIOS shadowed", "Mouse initialized", string.Empty, "Fixed Disk 0: IBM-DTLA-307030", "ATAPI CD-ROM: LTN486S",
            string.Empty, "Press <F2> to enter SETUP", "Press <F12> if you want to boot from the network"];
        for (var i = 0; i < lines.Length; i++)
        {
            g.Write(0, i, lines[i], Grey, Black);
        }

        return g;
    }

    private static TextGrid BootMenu()
    {
        var g = new TextGrid(80, 25, Black);
        g.Clear(Grey, Black);
        g.Write(0, 0, "SeaBIOS (version 1.16.2-debian-1.16.2-1)", Grey, Black);
        g.Write(0, 1, "Machine UUID 8c9e2a41-6d1f-4b7a-9e3d-5f0a2c4b6e81", Grey, Black);
        g.Write(0, 3, "Press ESC for boot menu.", Grey, Black);
        Box(g, 18, 7, 44, 10, White, Blue);
        g.Fill(19, 8, 42, 8, ' ', White, Blue);
        Centre(g, 8, "Please select boot device:", Yellow, Blue);
        string[] items = ["1. DVD/CD [ata1-0: QEMU DVD-ROM ATAPI-4]", "2. Legacy option rom", "3. iPXE (PCI 00:03.0)", "4. Floppy [drive A]"];
        for (var i = 0; i < items.Length; i++)
        {
            g.Write(20, 10 + i, items[i].PadRight(40), i == 0 ? Blue : White, i == 0 ? Grey : Blue);
        }

        Centre(g, 15, "↑ and ↓ to move selection", LightCyan, Blue);
        g.Write(0, 20, "Booting from DVD/CD...", Grey, Black);
        return g;
    }

    private static TextGrid GrubMenu()
    {
        var g = new TextGrid(80, 25, Black);
        g.Clear(Grey, Black);
        Centre(g, 1, "GNU GRUB  version 2.06-13+deb12u1", Grey, Black);
        Box(g, 1, 3, 78, 14, Grey, Black);
        g.Write(2, 4, "*Debian GNU/Linux".PadRight(76), Black, Grey);
        g.Write(2, 5, " Advanced options for Debian GNU/Linux", Grey, Black);
        g.Write(2, 6, " HIL target: serial console (ttyS0,115200n8)", Grey, Black);
        g.Write(2, 7, " Memory test (memtest86+x64.efi)", Grey, Black);
        g.Write(2, 8, " UEFI Firmware Settings", Grey, Black);
        g.Write(4, 18, "Use the ↑ and ↓ keys to select which entry is highlighted.", Grey, Black);
        g.Write(4, 19, "Press enter to boot the selected OS, `e' to edit the commands", Grey, Black);
        g.Write(4, 20, "before booting or `c' for a command-line.", Grey, Black);
        g.Write(3, 22, "The highlighted entry will be executed automatically in 5s.", Grey, Black);
        return g;
    }

    private static TextGrid Login()
    {
        var g = new TextGrid(80, 25, Black);
        g.Clear(Grey, Black);
        string[] lines = ["[    2.184113] EXT4-fs (vda1): mounted filesystem 6f1c2d9e-0b3a-4c5d-8e7f-112233445566 r/w.", string.Empty,
            "Debian GNU/Linux 12 hil-target tty1", string.Empty, "hil-target login: root", "Password:",
            "Linux hil-target 6.1.0-27-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01) x86_64", string.Empty,
            "Last login: Tue Apr 13 10:31:52 UTC 2021 on tty1", "root@hil-target:~# uname -a",
            "Linux hil-target 6.1.0-27-amd64 #1 SMP Debian x86_64 GNU/Linux", "root@hil-target:~# ls -l /etc/hostname /etc/os-release",
            "-rw-r--r-- 1 root root  11 Apr 13 10:29 /etc/hostname", "lrwxrwxrwx 1 root root  21 Apr 13 10:29 /etc/os-release -> ../usr/lib/os-release",
            "root@hil-target:~# echo $((6*7)) {a,b}_c 'quoted' \"double\" | tr a-z A-Z", "42 A_C B_C QUOTED DOUBLE", "root@hil-target:~# _"];
        for (var i = 0; i < lines.Length; i++)
        {
            g.Write(0, i, lines[i], Grey, Black);
        }

        return g;
    }

    private static TextGrid ShellDense()
    {
        var g = new TextGrid(80, 50, Black);
        g.Clear(Grey, Black);
        var random = new Random(7);
        for (var i = 0; i < 48; i++)
        {
            var time = (i * 0.0371) + 0.5;
            var device = random.Next(4) switch { 0 => "usb 1-1", 1 => "ata1.00", 2 => "e1000 0000:00:03.0 eth0", _ => "sd 0:0:0:0" };
            var message = random.Next(5) switch
            {
                0 => "new high-speed USB device number 2 using ehci-pci",
                1 => "ATA-7: QEMU HARDDISK, 2.5+, max UDMA/100",
                2 => "NIC Link is Up 1000 Mbps Full Duplex, Flow Control: RX",
                3 => "[sda] 41943040 512-byte logical blocks: (21.5 GB/20.0 GiB)",
                _ => "Attached SCSI disk; Write Protect is off; Mode Sense: 63 00",
            };
            g.Write(0, i, $"[{time,12:F6}] {device}: {message}", i % 7 == 0 ? White : Grey, Black);
        }

        g.Write(0, 49, "root@hil-target:~# dmesg | tail -n 48", Grey, Black);
        return g;
    }
}
