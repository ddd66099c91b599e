using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video;

/// <summary>What is wrong with the capture path (the rig), not with the product under test.</summary>
public enum SignalHealthKind
{
    /// <summary>Frames arrive and look like a picture (also sent when a fault clears).</summary>
    Ok,

    /// <summary>No frame for longer than <see cref="SignalHealthOptions.NoFramesAfter"/>.</summary>
    NoFrames,

    /// <summary>Identical frames for longer than <see cref="SignalHealthOptions.FrozenAfter"/> after input was sent.</summary>
    Frozen,

    /// <summary>A near-uniform picture (black, or the capture chip's no-signal screen) for longer than the threshold.</summary>
    NoSignal,

    /// <summary>The frame size changed (target mode switch, or a stale-resolution frame).</summary>
    ResolutionChanged,

    /// <summary>The source failed (device unplugged, stream gone); reading is retried.</summary>
    SourceLost,

    /// <summary>The source delivers frames again after <see cref="SourceLost"/>.</summary>
    SourceRestored,
}

/// <summary>
/// A health change with its evidence. <see cref="LastFrame"/> is the latest frame when the event was raised; it is
/// disposed after the handlers return, so a handler that keeps it must call <see cref="Frame.Share"/>.
/// </summary>
public sealed record SignalHealthEvent(SignalHealthKind Kind, DateTimeOffset At, string Evidence, Frame? LastFrame);

/// <summary>The current state of the capture path: a condition (Ok, NoFrames, Frozen, NoSignal, SourceLost), since when, and why.</summary>
public sealed record SignalHealth(SignalHealthKind Kind, DateTimeOffset Since, string Evidence)
{
    public bool IsOk => Kind == SignalHealthKind.Ok;
}
