using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>State shared by the session's parts: the rig, the clock, the barrier, steps, timeouts, redaction.</summary>
internal sealed partial class SessionCore
{
    private readonly Lock _barrierGate = new();
    private Barrier _barrier = Barrier.Start;
    private double _timeoutFactor = 1.0;

    public SessionCore(RigParts parts, HilOptions options)
    {
        Parts = parts;
        Options = options;
        Time = options.TimeProvider;
        Logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger(OperatorLog.Category);
        Redactor = new SessionSecrets();
        Steps = new StepRunner(options.StepListeners, Time, Logger, Redactor, parts.Video.TryGetLatest);
        Hid = new HidReadinessGate(this);
        Vision = new VisionContext(parts.Needles, parts.Text);
        Waits = new WaitEngine(this);
    }

    public VisionContext Vision { get; }

    public WaitEngine Waits { get; }

    public RigParts Parts { get; }

    public HilOptions Options { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public SessionSecrets Redactor { get; }

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

    public ResolvedExpect Resolve(ExpectOptions? perCall)
    {
        var session = Options.Expect;
        var consecutive = perCall?.Consecutive ?? session.Consecutive ?? 1;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(consecutive, nameof(ExpectOptions.Consecutive));
        return new ResolvedExpect(
            Timeout(perCall?.Timeout, t => ReferenceEquals(t, Options.Timeouts) ? t.Expect ?? session.Timeout : t.Expect),
            perCall?.Threshold ?? session.Threshold,
            consecutive,
            perCall?.Scope ?? session.Scope ?? SearchScope.Auto,
            perCall?.AfterInputChange ?? session.AfterInputChange ?? true,
            perCall?.ChangeTolerance ?? session.ChangeTolerance ?? 0);
    }

    /// <summary>The current barrier and a share of its pre-input frame (dispose the frame).</summary>
    public (Barrier Barrier, Frame? Before) SnapshotBarrier()
    {
        lock (_barrierGate)
        {
            return (_barrier, _barrier.Before?.Share());
        }
    }

    /// <summary>Stamps a new barrier after an input action; takes ownership of <paramref name="before"/>.</summary>
    public void StampBarrier(string action, Frame? before)
    {
        using var latest = Parts.Video.TryGetLatest();
        var barrier = new Barrier(Time.GetTimestamp(), latest?.Sequence ?? 0, action, before);
        Barrier old;
        lock (_barrierGate)
        {
            old = _barrier;
            _barrier = barrier;
        }

        old.Dispose();
    }

    /// <summary>At dispose: drops the barrier's pre-input frame.</summary>
    public void ReleaseBarrier()
    {
        Barrier old;
        lock (_barrierGate)
        {
            old = _barrier;
            _barrier = Barrier.Start;
        }

        old.Dispose();
    }

    public bool Unchanged(Frame a, Frame b, double tolerance)
    {
        if (a.Width != b.Width || a.Height != b.Height)
        {
            return false;
        }

        var difference = Parts.Diff.Compare(a, b);
        return difference.ChangedPixels == 0 || difference.ChangedFraction <= tolerance;
    }

    public string Redact(string text) => Redactor.Redact(text);
}
