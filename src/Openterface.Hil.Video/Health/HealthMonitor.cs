using System.Globalization;

namespace Openterface.Hil.Video;

/// <summary>
/// The signal-health state machine. Fed with each frame's signature, source errors, input notes and clock
/// ticks; collects the events to raise in <see cref="Pending"/>. Not thread-safe: the owner serialises calls.
/// </summary>
internal sealed class HealthMonitor
{
    private readonly SignalHealthOptions _options;
    private readonly TimeProvider _time;
    private readonly long _startedAt;
    private FrameSignature? _last;
    private long _lastFrameAt;
    private long _lastFrameSequence;
    private long _lastChangeAt;
    private int _identicalFrames;
    private long? _uniformSince;
    private long? _inputSentAt;
    private long _conditionSince;
    private long _badRun;
    private long _badRunSince;
    private string? _lastBadFrame;

    internal HealthMonitor(SignalHealthOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _startedAt = time.GetTimestamp();
        _conditionSince = _startedAt;
        Current = new SignalHealth(SignalHealthKind.Ok, time.GetUtcNow(), "waiting for the first frame");
    }

    internal SignalHealth Current { get; private set; }

    /// <summary>Events produced by the last calls; the owner raises and clears them.</summary>
    internal List<(SignalHealthKind Kind, string Evidence)> Pending { get; } = [];

    internal void OnFrame(in FrameSignature signature, long sequence, long now)
    {
        var gap = _last is null ? TimeSpan.Zero : _time.GetElapsedTime(_lastFrameAt, now);
        switch (Current.Kind)
        {
            case SignalHealthKind.SourceLost:
                Enter(SignalHealthKind.SourceRestored, $"frame #{sequence} arrived {Seconds(gap)} after the last one", now);
                break;
            case SignalHealthKind.NoFrames:
                Enter(SignalHealthKind.Ok, $"frames again: #{sequence} after a {Seconds(gap)} gap", now);
                break;
        }

        if (_last is { } last && (last.Width != signature.Width || last.Height != signature.Height))
        {
            Pending.Add((SignalHealthKind.ResolutionChanged,
                $"frame #{sequence} is {signature.Width}x{signature.Height}, the previous one #{_lastFrameSequence} was {last.Width}x{last.Height}"));
        }

        if (_last is null || _last.Value.Hash != signature.Hash || _last.Value.Width != signature.Width)
        {
            _lastChangeAt = now;
            _identicalFrames = 0;
            _inputSentAt = null;
            if (Current.Kind == SignalHealthKind.Frozen)
            {
                Enter(SignalHealthKind.Ok, $"the picture changed again (frame #{sequence})", now);
            }
        }
        else
        {
            _identicalFrames++;
        }

        if (signature.LumaDeviation <= _options.UniformMaxDeviation)
        {
            _uniformSince ??= now;
        }
        else
        {
            _uniformSince = null;
            if (Current.Kind == SignalHealthKind.NoSignal)
            {
                Enter(SignalHealthKind.Ok, $"a picture again (frame #{sequence}, brightness spread {signature.LumaDeviation:0.0})", now);
            }
        }

        _badRun = 0;
        _last = signature;
        _lastFrameAt = now;
        _lastFrameSequence = sequence;
        Evaluate(now);
    }

    internal void OnSourceError(Exception error, long now)
    {
        if (Current.Kind != SignalHealthKind.SourceLost)
        {
            Enter(SignalHealthKind.SourceLost, error.Message, now);
        }
    }

    /// <summary>Notes a frame that was skipped as unusable; returns how many in a row (since the last good frame).</summary>
    internal long OnBadFrame(string reason, long now)
    {
        if (_badRun++ == 0)
        {
            _badRunSince = now;
        }

        _lastBadFrame = reason;
        Evaluate(now);
        return _badRun;
    }

    internal void OnInputSent(long now) => _inputSentAt ??= now;

    /// <summary>Runs the time-based detectors.</summary>
    internal void Evaluate(long now)
    {
        var since = _last is null ? _startedAt : _lastFrameAt;
        var silent = _time.GetElapsedTime(since, now);
        var threshold = _last is null ? _options.FirstFrameWithin : _options.NoFramesAfter;
        var healthy = Current.Kind is not (SignalHealthKind.NoFrames or SignalHealthKind.SourceLost);

        // Only unusable frames for as long as a silent source is given: a rig fault named by the last reason.
        if (_badRun > 0 && healthy && (silent > threshold || _time.GetElapsedTime(_badRunSince, now) >= _options.NoFramesAfter))
        {
            Enter(SignalHealthKind.NoFrames,
                $"{_badRun} unusable frame(s) and no good one for {Seconds(_time.GetElapsedTime(_badRunSince, now))} " +
                $"(threshold {Seconds(_options.NoFramesAfter)}); the last: {_lastBadFrame}", now);
            return;
        }

        if (silent > threshold && healthy)
        {
            Enter(SignalHealthKind.NoFrames, _last is null
                ? $"no frame at all in {Seconds(silent)} since the source was started (threshold {Seconds(_options.FirstFrameWithin)})"
                : $"no frame for {Seconds(silent)} (threshold {Seconds(_options.NoFramesAfter)}); the last was #{_lastFrameSequence}", now);
            return;
        }

        if (_last is not { } last || Current.Kind is SignalHealthKind.NoFrames or SignalHealthKind.SourceLost)
        {
            return;
        }

        if (_uniformSince is { } uniform && Current.Kind != SignalHealthKind.NoSignal &&
            _time.GetElapsedTime(uniform, now) >= _options.NoSignalAfter)
        {
            Enter(SignalHealthKind.NoSignal,
                $"near-uniform picture for {Seconds(_time.GetElapsedTime(uniform, now))} (mean brightness {last.MeanLuma:0.0}, " +
                $"spread {last.LumaDeviation:0.0} <= {_options.UniformMaxDeviation:0.0}; {last.Width}x{last.Height}, last frame #{_lastFrameSequence}): " +
                "no HDMI signal, the target's display is off, or the capture chip shows its no-signal screen", now);
            return;
        }

        if (_inputSentAt is { } input && Current.Kind == SignalHealthKind.Ok && _lastFrameAt > input &&
            _time.GetElapsedTime(input, now) >= _options.FrozenAfter)
        {
            Enter(SignalHealthKind.Frozen,
                $"{_identicalFrames + 1} identical frames for {Seconds(_time.GetElapsedTime(_lastChangeAt, now))}, " +
                $"{Seconds(_time.GetElapsedTime(input, now))} since input was sent (threshold {Seconds(_options.FrozenAfter)}); last frame #{_lastFrameSequence}",
                now);
            _inputSentAt = null;
        }
    }

    /// <summary>Why frame waiters must fail as a rig fault now, or null.</summary>
    internal string? WaiterFault(long now) => Current.Kind switch
    {
        SignalHealthKind.NoFrames or SignalHealthKind.SourceLost =>
            $"Video source is unhealthy ({Current.Kind}): {Current.Evidence.TrimEnd('.')}. This is a rig fault: check the capture cable and device.",
        SignalHealthKind.NoSignal when _time.GetElapsedTime(_conditionSince, now) + _options.NoSignalAfter >= _options.NoSignalFaultAfter =>
            $"Video shows no signal for more than {Seconds(_options.NoSignalFaultAfter)}: {Current.Evidence}. This is a rig fault: " +
            "check the HDMI cable and that the target is powered.",
        _ => null,
    };

    private void Enter(SignalHealthKind kind, string evidence, long now)
    {
        Pending.Add((kind, evidence));
        var condition = kind is SignalHealthKind.SourceRestored or SignalHealthKind.ResolutionChanged ? SignalHealthKind.Ok : kind;
        _conditionSince = now;
        Current = new SignalHealth(condition, _time.GetUtcNow(), evidence);
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
