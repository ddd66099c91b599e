using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Openterface.Hil.Imaging;
using Openterface.Hil.Video;

namespace Openterface.Hil;

/// <summary>State shared by the session's parts: the rig, the clock, the barrier, steps, timeouts, redaction.</summary>
internal sealed partial class SessionCore
{
    private double _timeoutFactor = 1.0;

    public SessionCore(RigParts parts, HilOptions options)
    {
        Parts = parts;
        Options = options;
        Time = options.TimeProvider;
        Logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger(OperatorLog.Category);
        Redactor = new SessionSecrets();
        SecretWindow = new SecretWindow(Time);
        Steps = new StepRunner(options.StepListeners, Time, Logger, Redactor, parts.Video.TryGetLatest, SecretWindow,
            FailurePause.ForProcess(options));
        Hid = new HidReadinessGate(this);
        Vision = new VisionContext(parts.Vision, parts.Needles);
        Frames = new FrameWaiter(parts.Video, Time);
    }

    public VisionContext Vision { get; }

    /// <summary>The barrier and the one frame-wait loop.</summary>
    public FrameWaiter Frames { get; }

    public RigParts Parts { get; }

    public HilOptions Options { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public SessionSecrets Redactor { get; }

    /// <summary>When a typed secret may be on screen (no screenshots, no video).</summary>
    public SecretWindow SecretWindow { get; }

    public StepRunner Steps { get; }

    public HidReadinessGate Hid { get; }

    public double TimeoutFactor
    {
        get => Volatile.Read(ref _timeoutFactor);
        set => Volatile.Write(ref _timeoutFactor, value);
    }

    /// <summary>Per call as is; otherwise session, global, built-in, scaled by the calibrated factor.</summary>
    public TimeSpan Timeout(TimeSpan? perCall, Func<TimeoutSettings, TimeSpan?> pick)
    {
        if (perCall is { } explicitValue)
        {
            return explicitValue;
        }

        var inherited = pick(Options.Timeouts) ?? pick(TimeoutSettings.Global) ?? pick(TimeoutSettings.BuiltIn)!.Value;
        return TimeSpan.FromMilliseconds(Math.Round(inherited.TotalMilliseconds * TimeoutFactor));
    }

    /// <summary>
    /// Per-call options over the needle's own JSON ("consecutive") over the session's over built-in defaults. Checks
    /// the locator's needle names first, so a typo fails before anything waits.
    /// </summary>
    public ResolvedExpect Resolve(ExpectOptions? perCall, LocatorQuery? query = null)
    {
        query?.Validate(Vision);
        var session = Options.Expect;
        var consecutive = perCall?.Consecutive ?? query?.NeedleConsecutive(Vision) ?? session.Consecutive ?? 1;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(consecutive, nameof(ExpectOptions.Consecutive));
        return new ResolvedExpect(
            Timeout(perCall?.Timeout, t => ReferenceEquals(t, Options.Timeouts) ? t.Expect ?? session.Timeout : t.Expect),
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

        var difference = await Parts.Vision.CompareAsync(a, b, cancellationToken).ConfigureAwait(false);
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

    public RigFaultException VideoFault(string what, TimeSpan timeout, Barrier barrier, VideoException? error)
    {
        var cause = error is null ? $"no frame was captured within {Durations.Format(timeout)}" : error.Message;
        var message = Redact(
            $"{what}: {cause} ({barrier.Describe()}). Check the HDMI cable and the capture device; 'hil screenshot' " +
            "shows what the card delivers.");
        OperatorLog.RigFault(Logger, message);
        var evidence = new Dictionary<string, string> { ["video"] = Redact(cause), ["barrier"] = Redact(barrier.Describe()) };
        return new RigFaultException(message, evidence, error);
    }

    public string Redact(string text) => Redactor.Redact(text);
}
