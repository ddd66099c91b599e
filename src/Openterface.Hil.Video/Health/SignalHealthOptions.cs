namespace Openterface.Hil.Video;

/// <summary>Thresholds of the signal-health detectors.</summary>
public sealed class SignalHealthOptions
{
    /// <summary>No frame for this long is <see cref="SignalHealthKind.NoFrames"/> (and fails frame waiters as a rig fault).</summary>
    public TimeSpan NoFramesAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Before the first frame the source gets this long (a V4L2 device needs 1-2 s to open and skip its stale
    /// frames), then no frames is <see cref="SignalHealthKind.NoFrames"/>.
    /// </summary>
    public TimeSpan FirstFrameWithin { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Identical frames for this long after <see cref="LiveVideo.NoteInputSent"/> is <see cref="SignalHealthKind.Frozen"/>.</summary>
    public TimeSpan FrozenAfter { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>A near-uniform picture for this long is <see cref="SignalHealthKind.NoSignal"/>.</summary>
    public TimeSpan NoSignalAfter { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// No signal for this long fails frame waiters as a rig fault. Longer than <see cref="NoSignalAfter"/> because a
    /// target legitimately shows black while it switches video modes (reboot, firmware to OS) and while a kernel boots on
    /// a blank console: the QEMU target's recovery boot stayed black for more than 30 s on a loaded 2-core CI machine,
    /// which a 30 s limit reported as a rig fault although nothing was wrong with the rig.
    /// </summary>
    public TimeSpan NoSignalFaultAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A picture whose sampled brightness has a standard deviation below this (0..255) is near-uniform.</summary>
    public double UniformMaxDeviation { get; init; } = 4.0;

    /// <summary>How often the detectors run when no frame arrives.</summary>
    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromMilliseconds(200);
}
