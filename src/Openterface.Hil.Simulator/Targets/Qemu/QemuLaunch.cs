namespace Openterface.Hil.Simulator;

/// <summary>
/// One QEMU command line for the HIL target: a PC with xHCI, a USB keyboard and tablet (what the Mini-KVM's
/// CH9329 looks like to a target), std VGA, the ISO as CD-ROM, two QMP sockets (input and frames; a spare for a
/// power switch or a second tool), ttyS0 on a pair of FIFOs (else appended to a log file), and -no-shutdown so a
/// guest power-off leaves QEMU paused (power-on is then system_reset + cont). Reboots work (no -no-reboot).
/// </summary>
internal sealed record QemuLaunch(
    string QemuPath,
    string ImagePath,
    QemuAccelerator Accelerator,
    int MemoryMiB,
    string WorkDirectory,
    string? IncomingStatePath = null,
    string? SerialPipePath = null)
{
    public string QmpSocketPath => Path.Combine(WorkDirectory, "qmp.sock");

    public string SpareQmpSocketPath => Path.Combine(WorkDirectory, "qmp-spare.sock");

    public string SerialLogPath => Path.Combine(WorkDirectory, "ttyS0.log");

    /// <summary>QEMU's pid, read by the <see cref="OrphanWatchdog"/> when the host dies.</summary>
    public string PidFilePath => OrphanWatchdog.PidFilePath(WorkDirectory);

    /// <summary>The part of the command line a saved VM state depends on (no per-instance paths).</summary>
    public IReadOnlyList<string> MachineArguments =>
    [
        "-nodefaults",
        "-machine", "pc",
        "-accel", Accelerator == QemuAccelerator.Kvm ? "kvm" : "tcg",
        "-m", MemoryMiB.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "-vga", "std",
        "-device", "qemu-xhci,id=xhci",
        "-device", "usb-kbd,id=hil-kbd,bus=xhci.0",
        "-device", "usb-tablet,id=hil-tablet,bus=xhci.0",
        "-drive", "media=cdrom,if=ide,index=2,readonly=on,file.locking=off,file=" + OptionValue(ImagePath),
        "-boot", "d",
    ];

    public IReadOnlyList<string> Arguments
    {
        get
        {
            var arguments = new List<string>(MachineArguments)
            {
                "-name", "hil-target",
                "-display", "none",
                "-no-shutdown",
                "-pidfile", PidFilePath,
                "-qmp", $"unix:{OptionValue(QmpSocketPath)},server=on,wait=off",
                "-qmp", $"unix:{OptionValue(SpareQmpSocketPath)},server=on,wait=off",
                // ttyS0: the FIFOs PATH.in/PATH.out the target reads and writes (the rig's console), else appended to a log file.
                "-chardev", SerialPipePath is null ? $"file,id=hil-ttyS0,path={OptionValue(SerialLogPath)},append=on" : $"pipe,id=hil-ttyS0,path={OptionValue(SerialPipePath)}",
                "-serial", "chardev:hil-ttyS0",
            };
            if (IncomingStatePath is not null)
            {
                arguments.Add("-incoming");
                arguments.Add("exec:cat " + ShellQuoted(IncomingStatePath));
            }

            return arguments;
        }
    }

    /// <summary>A value inside a QEMU option list: commas are doubled so a path cannot add options.</summary>
    public static string OptionValue(string value) => value.Replace(",", ",,", StringComparison.Ordinal);

    /// <summary>
    /// One POSIX shell word for QEMU's <c>exec:</c> migration URIs (run by /bin/sh): single-quoted, with each
    /// <c>'</c> written as <c>'\''</c>, so no path can end the quote and inject a command.
    /// </summary>
    public static string ShellQuoted(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
