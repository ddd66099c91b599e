using Openterface.Hil.Imaging;
using Openterface.Hil.Video;

namespace Openterface.Hil;

/// <summary>
/// The screen feature: the video feed, vision and needles, the barrier and the one frame-wait loop, how a wait's
/// options resolve, and what a missing picture means (a rig fault). Used by <see cref="Screen"/>, locators,
/// assertions and every wait; input reaches it only to stamp the barrier.
/// </summary>
internal sealed class ScreenService
{
    public ScreenService(SessionContext session, IVideoFeed video, IVision vision, NeedleSet? needles)
    {
        Session = session;
        Video = video;
        Vision = new VisionContext(vision, needles);
        Frames = new FrameWaiter(video, session.Time);
    }

    public SessionContext Session { get; }

    public IVideoFeed Video { get; }

    public VisionContext Vision { get; }

    /// <summary>The barrier and the one frame-wait loop.</summary>
    public FrameWaiter Frames { get; }

    /// <summary>
    /// Per-call options over the needle's own JSON ("consecutive") over the session's over built-in defaults. Checks
    /// the locator's needle names first, so a typo fails before anything waits.
    /// </summary>
    public ResolvedExpect Resolve(ExpectOptions? perCall, LocatorQuery? query = null)
    {
        query?.Validate(Vision);
        var session = Session.Options.Expect;
        var consecutive = perCall?.Consecutive ?? query?.NeedleConsecutive(Vision) ?? session.Consecutive ?? 1;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(consecutive, nameof(ExpectOptions.Consecutive));
        return new ResolvedExpect(
            Session.ExpectTimeout(perCall?.Timeout),
            perCall?.Threshold ?? session.Threshold,
            consecutive,
            perCall?.Scope ?? session.Scope ?? SearchScope.Auto,
            perCall?.AfterInputChange ?? session.AfterInputChange ?? true,
            perCall?.ChangeTolerance ?? session.ChangeTolerance ?? 0);
    }

    public async ValueTask<bool> UnchangedAsync(Frame a, Frame b, double tolerance, CancellationToken cancellationToken)
    {
        if (a.Width != b.Width || a.Height != b.Height)
        {
            return false;
        }

        var difference = await Vision.Vision.CompareAsync(a, b, cancellationToken).ConfigureAwait(false);
        return difference.ChangedPixels == 0 || difference.ChangedFraction <= tolerance;
    }

    /// <summary>The first frame captured after the barrier (owned by the caller); a rig fault when none arrives in time.</summary>
    public async Task<Frame> NextFrameAsync(string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (barrier, before) = Frames.SnapshotBarrier();
        before?.Dispose();
        return await Frames.NextFrameAsync(timeout, e => VideoFault(what, timeout, barrier, e), cancellationToken).ConfigureAwait(false)
            ?? throw VideoFault(what, timeout, barrier, null);
    }

    /// <summary>The latest frame if there is one, else the first one captured after the barrier.</summary>
    public async Task<Frame> CurrentFrameAsync(string what, CancellationToken cancellationToken) =>
        Video.TryGetLatest() ?? await NextFrameAsync(what, Resolve(null).Timeout, cancellationToken).ConfigureAwait(false);

    public RigFaultException VideoFault(string what, TimeSpan timeout, Barrier barrier, VideoException? error)
    {
        var cause = error is null ? $"no frame was captured within {Durations.Format(timeout)}" : error.Message;
        var message = Session.Redact(
            $"{what}: {cause} ({barrier.Describe()}). Check the HDMI cable and the capture device; 'hil screenshot' " +
            "shows what the card delivers.");
        OperatorLog.RigFault(Session.Logger, message);
        var evidence = new Dictionary<string, string>
        {
            ["video"] = Session.Redact(cause),
            ["barrier"] = Session.Redact(barrier.Describe()),
        };
        return new RigFaultException(message, evidence, error);
    }
}
