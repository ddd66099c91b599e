using System.Globalization;
using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>Waits about the screen as a whole, on the one frame loop: still for a while, or changed.</summary>
internal sealed class StillWaiter
{
    private readonly ScreenService _screen;
    private readonly SessionContext _session;
    private readonly List<string> _log = [];

    public StillWaiter(ScreenService screen)
    {
        _screen = screen;
        _session = screen.Session;
    }

    public async Task ToBeStillAsync(TimeSpan stillFor, ResolvedExpect options, StepContext step, CancellationToken cancellationToken)
    {
        if (options.Timeout <= stillFor)
        {
            throw new ArgumentOutOfRangeException(
                nameof(stillFor),
                $"The timeout '{Durations.Format(options.Timeout)}' must be longer than the still time '{Durations.Format(stillFor)}'. " +
                "Pass a longer ExpectOptions.Timeout.");
        }

        var header = $"Expect(Screen).ToBeStillAsync({Durations.Format(stillFor)})";
        var (barrier, before) = _screen.Frames.SnapshotBarrier();
        before?.Dispose();
        Log(barrier.Describe());
        Frame? reference = null;
        Frame? last = null;
        var longest = TimeSpan.Zero;
        var lastChange = "no change";
        try
        {
            var end = await _screen.Frames.RunAsync(barrier.Timestamp, options.Timeout, async (frame, _) =>
            {
                Replace(ref last, frame.Share());
                if (reference is null)
                {
                    reference = frame.Share();
                    return false;
                }

                var still = _session.Time.GetElapsedTime(reference.Timestamp, frame.Timestamp);
                if (await _screen.UnchangedAsync(frame, reference, options.ChangeTolerance, cancellationToken).ConfigureAwait(false))
                {
                    return still >= stillFor;
                }

                longest = still > longest ? still : longest;
                lastChange = reference.Size == frame.Size
                    ? Change(await _screen.Vision.Vision.CompareAsync(frame, reference, cancellationToken).ConfigureAwait(false))
                    : $"mode {reference.Width}x{reference.Height} -> {frame.Width}x{frame.Height}";
                Log($"frame #{frame.Sequence}: changed {lastChange}");
                Replace(ref reference, frame.Share());
                return false;
            }, e => _screen.VideoFault(header, options.Timeout, barrier, e), cancellationToken).ConfigureAwait(false);

            if (end.Satisfied)
            {
                step.EndedOn(last!);
                return;
            }

            if (end.Frames == 0)
            {
                throw _screen.VideoFault(header, options.Timeout, barrier, null);
            }

            if (reference is not null && last is not null)
            {
                var still = _session.Time.GetElapsedTime(reference.Timestamp, last.Timestamp);
                longest = still > longest ? still : longest;
            }

            throw Fail(header, $"screen still for {Durations.Format(stillFor)}",
                $"longest still period {Durations.Format(longest)}; last change {lastChange}", last, options.Timeout, step);
        }
        finally
        {
            reference?.Dispose();
            last?.Dispose();
        }
    }

    public async Task<ScreenChange> WaitChangeAsync(ResolvedExpect options, StepContext step, CancellationToken cancellationToken)
    {
        const string header = "Screen.WaitChangeAsync()";
        var (barrier, before) = _screen.Frames.SnapshotBarrier();
        var reference = before is not null && !barrier.ChangeSeen ? before : _screen.Video.TryGetLatest();
        if (!ReferenceEquals(reference, before))
        {
            before?.Dispose();
        }

        Log(barrier.Describe());
        if (reference is not null)
        {
            Log($"comparing with frame #{reference.Sequence}");
        }

        Frame? last = null;
        ScreenChange? change = null;
        try
        {
            var end = await _screen.Frames.RunAsync(barrier.Timestamp, options.Timeout, async (frame, _) =>
            {
                Replace(ref last, frame.Share());
                if (reference is null)
                {
                    reference = frame.Share();
                    Log($"comparing with frame #{reference.Sequence}");
                    return false;
                }

                if (await _screen.UnchangedAsync(frame, reference, options.ChangeTolerance, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                barrier.MarkChangeSeen();
                if (reference.Size != frame.Size)
                {
                    change = new ScreenChange(1, frame.Bounds, frame.Sequence);
                    return true;
                }

                var difference = await _screen.Vision.Vision.CompareAsync(frame, reference, cancellationToken).ConfigureAwait(false);
                change = new ScreenChange(difference.ChangedFraction, difference.ChangedBounds, frame.Sequence);
                return true;
            }, e => _screen.VideoFault(header, options.Timeout, barrier, e), cancellationToken).ConfigureAwait(false);

            if (change is not null)
            {
                step.EndedOn(last!);
                return change;
            }

            if (end.Frames == 0)
            {
                throw _screen.VideoFault(header, options.Timeout, barrier, null);
            }

            var since = reference is null ? "the first frame" : $"frame #{reference.Sequence}";
            throw Fail(header, $"screen change since {since}", "no change", last, options.Timeout, step);
        }
        finally
        {
            reference?.Dispose();
            last?.Dispose();
        }
    }

    private ExpectationFailedException Fail(string header, string expected, string seen, Frame? last, TimeSpan timeout, StepContext step)
    {
        if (last is not null)
        {
            step.EndedOn(last);
        }

        var text = _session.Redact(FailureText.Build(header, expected, seen, last, Durations.Format(timeout), _log));
        OperatorLog.WaitFailed(_session.Logger, text);
        return new ExpectationFailedException(text, [.. _log])
        {
            Timeout = timeout,
            LastFrame = last?.Share(),
            Attachments = new Evidence(_screen).Collect(last, null, null, _log),
        };
    }

    private static string Change(FrameDifference d) => string.Create(
        CultureInfo.InvariantCulture,
        $"{d.ChangedFraction * 100:0.00}% at {d.ChangedBounds.X},{d.ChangedBounds.Y},{d.ChangedBounds.Width},{d.ChangedBounds.Height}");

    private void Log(string line) => _log.Add(_session.Redact(line));

    private static void Replace(ref Frame? slot, Frame frame)
    {
        var old = slot;
        slot = frame;
        old?.Dispose();
    }
}
