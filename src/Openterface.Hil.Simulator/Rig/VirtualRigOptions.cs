namespace Openterface.Hil.Simulator;

/// <summary>What <see cref="VirtualRig.StartAsync"/> builds: which target and how the rig is exposed.</summary>
public sealed class VirtualRigOptions
{
    /// <summary>"console" (scripted firmware screens, instant) or "qemu" (GRUB + Linux in QEMU).</summary>
    public string Target { get; init; } = "console";

    /// <summary>Serve the CH9329 on this loopback TCP port (0 = any free port) instead of a pseudo-terminal.</summary>
    public int? SerialTcpPort { get; init; }

    /// <summary>Serve the target's console on this loopback TCP port (0 = any free port) instead of a pseudo-terminal.</summary>
    public int? ConsoleTcpPort { get; init; }

    /// <summary>Loopback port of the MJPEG video server (0 = any free port).</summary>
    public int VideoHttpPort { get; init; }

    /// <summary>Frames per second the virtual capture card delivers.</summary>
    public double FramesPerSecond { get; init; } = 15;

    /// <summary>QEMU only: start from a cold boot, or restore a state saved at the GRUB menu / login prompt.</summary>
    public QemuStartPoint QemuStartFrom { get; init; } = QemuStartPoint.GrubMenu;

    /// <summary>Whether the target is powered on when the rig starts (a real rig's target usually is).</summary>
    public bool PowerOnAtStart { get; init; } = true;

    /// <summary>
    /// How the virtual capture card treats the picture: an MS2109 capture (scaled, JPEG q80 4:2:2, jitter, an occasional
    /// dropped frame) unless $HIL_REALISM or this says <see cref="CaptureRealism.None"/> (pristine frames).
    /// </summary>
    public CaptureRealism Realism { get; init; } = CaptureRealismSetting.FromEnvironment();

    /// <summary>The capture model's knobs when <see cref="Realism"/> is MS2109; null uses the defaults.</summary>
    public CaptureModelOptions? CaptureModel { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
