namespace Openterface.Hil.Simulator;

/// <summary>How <see cref="QemuTarget"/> runs QEMU. Every property has a working default.</summary>
public sealed class QemuTargetOptions
{
    /// <summary>
    /// The bootable ISO. Default: <c>HIL_QEMU_IMAGE</c>, else <c>.cache/targets/qemu/current/hil-target.iso</c> of a
    /// source checkout (ci/setup builds it there), else the user's cache, where the recipe shipped in this package is
    /// built on first use (<c>hil sim prepare</c> builds it ahead of time).
    /// </summary>
    public string? ImagePath { get; set; }

    /// <summary>KVM, TCG, or Auto: KVM when a short boot probe shows it works, TCG otherwise.</summary>
    public QemuAccelerator Accelerator { get; set; } = QemuAccelerator.Auto;

    /// <summary>
    /// Where power-on starts: a cold boot, or a saved VM state taken once at the GRUB menu or at the login prompt
    /// (about 0.2 s instead of 10 s under TCG). States are cached next to the image, keyed by the image, QEMU's
    /// version, the accelerator and the machine options.
    /// </summary>
    public QemuStartPoint StartFrom { get; set; } = QemuStartPoint.ColdBoot;

    public int MemoryMiB { get; set; } = 256;

    /// <summary>
    /// The gap between two input events. QEMU's USB keyboard queues 16 events and drops the rest, and a TCG guest
    /// on a busy machine drains it slowly: 5 and 10 ms lost characters in the Linux console, 15 and 20 ms did not
    /// in that measurement, yet one run at load average 33 lost input at 15 ms. 20 ms is the default margin.
    /// </summary>
    public TimeSpan InputEventInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Size of the FAT disk behind the switchable USB port.</summary>
    public int UsbDiskSizeMiB { get; set; } = 16;

    /// <summary>FAT volume label of the USB disk (at most 11 characters).</summary>
    public string UsbDiskLabel { get; set; } = "HILDISK";

    /// <summary>Folder for sockets, the serial log and the USB disk. Default: a new folder under /tmp.</summary>
    public string? WorkDirectory { get; set; }

    /// <summary>Frame rate of <see cref="QemuTarget.Display"/>.</summary>
    public double FramesPerSecond { get; set; } = 30;

    /// <summary>How long a boot may take when a saved state is being made (GRUB, then the login prompt).</summary>
    public TimeSpan BootTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>How long the KVM probe waits for the firmware to draw something before falling back to TCG.</summary>
    public TimeSpan KvmProbeTimeout { get; set; } = TimeSpan.FromSeconds(3);

    public string QemuPath { get; set; } = "qemu-system-x86_64";
}

public enum QemuAccelerator
{
    Auto,
    Kvm,
    Tcg,
}

public enum QemuStartPoint
{
    /// <summary>Power-on runs the firmware and stops in the GRUB menu like a real machine.</summary>
    ColdBoot,

    /// <summary>Restores a state saved at the GRUB menu (made once by a cold boot).</summary>
    GrubMenu,

    /// <summary>Restores a state saved at the login prompt after "Normal boot" (made once by a cold boot).</summary>
    LoginPrompt,
}
