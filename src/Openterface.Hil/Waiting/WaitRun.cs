using Openterface.Hil.Imaging;
using Openterface.Hil.Video;

namespace Openterface.Hil;

/// <summary>The state of one wait: frames offered, attempts, the call log, and the evidence kept for a failure.</summary>
internal sealed class WaitRun : IDisposable
{
    private readonly ScreenService _screen;
    private readonly SessionContext _session;
    private readonly WaitSpec _spec;
    private readonly ResolvedExpect _options;
    private readonly Barrier _barrier;
    private readonly Frame? _before;
    private readonly List<string> _log = [];
    private bool _gateOpen;
    private int _skipped;
    private int _frames;
    private int _evaluations;
    private int _consecutive;
    private Frame? _lastFrame;
    private Frame? _evaluatedFrame;
    private Attempt? _lastAttempt;
    private SearchScope _lastPass;
    private Frame? _bestFrame;
    private Attempt? _best;

    public WaitRun(ScreenService screen, WaitSpec spec, ResolvedExpect options)
    {
        _screen = screen;
        _session = screen.Session;
        _spec = spec;
        _options = options;
        (_barrier, _before) = screen.Frames.SnapshotBarrier();
        _gateOpen = !options.AfterInputChange || _before is null || _barrier.ChangeSeen;
    }

    public Barrier Barrier => _barrier;

    /// <summary>The session's vision (to look up the matched needle's properties).</summary>
    public VisionContext Vision => _screen.Vision;

    public TimeSpan Timeout => _options.Timeout;

    public IReadOnlyList<string> CallLog => _log;

    public void Log(string line)
    {
        var redacted = _session.Redact(line);
        _log.Add(redacted);
        OperatorLog.WaitProgress(_session.Logger, _session.Redact(_spec.Header), redacted);
    }

    /// <summary>Evaluates a new frame (shared, not owned); true when the wait is satisfied on it.</summary>
    public async ValueTask<bool> OfferAsync(Frame frame, double elapsedShare, CancellationToken cancellationToken)
    {
        _frames++;
        Replace(ref _lastFrame, frame.Share());
        if (!_gateOpen)
        {
            if (await _screen.UnchangedAsync(frame, _before!, _options.ChangeTolerance, cancellationToken).ConfigureAwait(false))
            {
                if (_skipped++ == 0)
                {
                    Log($"frame #{frame.Sequence}: same screen as before {_barrier.Action}, waiting for the target to react");
                }

                return false;
            }

            _gateOpen = true;
            _barrier.MarkChangeSeen();
            if (_skipped > 1)
            {
                Log($"{_skipped - 1} more unchanged frame(s) skipped");
            }
        }

        var unchanged = _evaluatedFrame is not null &&
            await _screen.UnchangedAsync(frame, _evaluatedFrame, _options.ChangeTolerance, cancellationToken).ConfigureAwait(false);
        Attempt attempt;
        if (unchanged && (_lastAttempt!.Satisfied || !_spec.SearchPasses || _lastPass == SearchScope.WholeFrame ||
            _options.Scope == SearchScope.NearRecordedPosition))
        {
            attempt = _lastAttempt;
        }
        else
        {
            var pass = unchanged ? SearchScope.WholeFrame : FrameWaiter.Schedule(_options.Scope, _evaluations);
            attempt = await EvaluateAsync(frame, pass, string.Empty, elapsedShare, cancellationToken).ConfigureAwait(false);
        }

        _lastAttempt = attempt;
        return Count(attempt);
    }

    /// <summary>At the deadline: one whole-frame search of the last frame if the last search was only near.</summary>
    public async ValueTask<WaitOutcome?> FinalCheckAsync(CancellationToken cancellationToken)
    {
        if (!_spec.SearchPasses || !_gateOpen || _lastFrame is null || _lastPass == SearchScope.WholeFrame ||
            _lastAttempt is null || _options.Scope == SearchScope.NearRecordedPosition)
        {
            return null;
        }

        var attempt = await EvaluateAsync(_lastFrame, SearchScope.WholeFrame, ", at the deadline", 1.0, cancellationToken).ConfigureAwait(false);
        return Count(attempt) ? Pass(_lastFrame) : null;
    }

    public WaitOutcome Pass(Frame frame)
    {
        OperatorLog.WaitPassed(_session.Logger, _session.Redact(_spec.Header), frame.Sequence);
        return new WaitOutcome(_lastAttempt!, frame.Share());
    }

    /// <summary>
    /// Tells the session's needle observer how this wait ended when it was a needle wait: the attempt it passed on,
    /// or the closest attempt when it timed out. Inner waits of a bigger step (quiet) are not decisions.
    /// </summary>
    public void ReportNeedleDecision(WaitOutcome? passed)
    {
        if (_session.Options.NeedleObserver is not { } observer || _spec.Quiet)
        {
            return;
        }

        var (attempt, frame) = passed is not null ? (passed.Attempt, passed.Frame) : (_best, _bestFrame ?? _lastFrame);
        if (attempt?.Result?.Match is { } match && frame is not null)
        {
            observer.OnNeedleDecision(new NeedleDecision(match.NeedleName, match.Score, match.Threshold, match.Found, frame.Width, frame.Height));
        }
    }

    public Exception Fail(StepContext step)
    {
        if (_frames == 0)
        {
            var message = _session.Redact(
                $"No frame was captured within {Durations.Format(_options.Timeout)} ({_barrier.Describe()}). The capture " +
                "stopped: check the HDMI cable and the capture device; 'hil screenshot' shows what the card delivers.");
            OperatorLog.RigFault(_session.Logger, message);
            return new RigFaultException(message, Evidence("no frames"));
        }

        Frame shown;
        string seen;
        if (!_gateOpen)
        {
            shown = _lastFrame!;
            seen = $"the screen did not change after {_barrier.Action}";
            Log($"the screen did not change after {_barrier.Action}; pass ExpectOptions {{ AfterInputChange = false }} if it should not");
        }
        else
        {
            shown = _bestFrame ?? _lastFrame!;
            seen = _best?.Seen ?? "nothing evaluated";
        }

        step.EndedOn(_lastFrame!);
        var text = _session.Redact(FailureText.Build(_spec.Header, _spec.Expected(_best), seen, shown, Durations.Format(_options.Timeout), _log));
        if (!_spec.Quiet)
        {
            OperatorLog.WaitFailed(_session.Logger, text);
        }

        return new ExpectationFailedException(text, [.. _log])
        {
            Timeout = _options.Timeout,
            LastFrame = _lastFrame!.Share(),
            Attachments = _spec.Quiet ? [] : new Evidence(_screen).Collect(_lastFrame, _bestFrame, _best?.Result?.Match, _log),
            Seen = _session.Redact(FailureText.Seen(seen, shown)),
        };
    }

    public RigFaultException VideoFault(VideoException e)
    {
        Log($"video failed: {e.Message}");
        var message = _session.Redact(
            $"Video capture failed during {_spec.Header}: {e.Message} Check the HDMI cable, the target's display and " +
            "the capture device.");
        OperatorLog.RigFault(_session.Logger, message);
        return new RigFaultException(message, Evidence(e.Message), e);
    }

    public void Dispose()
    {
        _before?.Dispose();
        _lastFrame?.Dispose();
        _evaluatedFrame?.Dispose();
        _bestFrame?.Dispose();
    }

    private Dictionary<string, string> Evidence(string video)
    {
        var evidence = new Dictionary<string, string>
        {
            ["video"] = _session.Redact(video),
            ["frames received"] = _frames.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["call log"] = string.Join('\n', _log),
        };
        if (_lastFrame is not null)
        {
            var age = _session.Time.GetElapsedTime(_lastFrame.Timestamp);
            evidence["last frame"] = $"#{_lastFrame.Sequence}, {_lastFrame.Width}x{_lastFrame.Height}, {Durations.Format(age)} old";
        }

        return evidence;
    }

    private async ValueTask<Attempt> EvaluateAsync(Frame frame, SearchScope pass, string note, double elapsedShare, CancellationToken cancellationToken)
    {
        var attempt = await _spec.Evaluate(frame, pass, elapsedShare, cancellationToken).ConfigureAwait(false);
        _evaluations++;
        _lastPass = pass;
        Replace(ref _evaluatedFrame, frame.Share());
        var suffix = _spec.SearchPasses ? $" ({FrameWaiter.PassName(pass)}{note})" : note.Length > 0 ? $" ({note[2..]})" : string.Empty;
        Log($"frame #{frame.Sequence}: {attempt.Log}{suffix}");
        if (_best is null || attempt.Rank > _best.Rank || (_spec.PreferLatest && attempt.Rank >= _best.Rank))
        {
            _best = attempt;
            Replace(ref _bestFrame, frame.Share());
        }

        _lastAttempt = attempt;
        return attempt;
    }

    private bool Count(Attempt attempt)
    {
        if (!attempt.Satisfied)
        {
            _consecutive = 0;
            return false;
        }

        _consecutive++;
        if (_options.Consecutive > 1)
        {
            Log($"match {_consecutive} of {_options.Consecutive}");
        }

        return _consecutive >= _options.Consecutive;
    }

    private static void Replace(ref Frame? slot, Frame frame)
    {
        var old = slot;
        slot = frame;
        old?.Dispose();
    }
}
