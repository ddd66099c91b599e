using System.Globalization;
using Openterface.Hil.Imaging;
using Openterface.Hil.Video;

namespace Openterface.Hil;

/// <summary>Waits about the screen as a whole: still for a while, or changed.</summary>
internal sealed class StillWaiter
{
    private readonly SessionCore _core;
    private readonly List<string> _log = [];

    public StillWaiter(SessionCore core)
    {
        _core = core;
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
        var (barrier, before) = _core.SnapshotBarrier();
        before?.Dispose();
        Log(barrier.Describe());
        Frame? reference = null;
        Frame? last = null;
        var longest = TimeSpan.Zero;
        string lastChange = "no change";
        try
        {
            await foreach (var frame in FramesAsync(header, barrier, options.Timeout, cancellationToken).ConfigureAwait(false))
            {
                Replace(ref last, frame);
                if (reference is null)
                {
                    reference = frame.Share();
                    continue;
                }

                var still = _core.Time.GetElapsedTime(reference.Timestamp, frame.Timestamp);
                if (_core.Unchanged(frame, reference, options.ChangeTolerance))
                {
                    if (still >= stillFor)
                    {
                        step.EndedOn(frame);
                        return;
                    }

                    continue;
                }

                longest = still > longest ? still : longest;
                lastChange = reference.Size == frame.Size
                    ? Change(_core.Parts.Diff.Compare(frame, reference))
                    : $"mode {reference.Width}x{reference.Height} -> {frame.Width}x{frame.Height}";
                Log($"frame #{frame.Sequence}: changed {lastChange}");
                Replace(ref reference, frame.Share());
            }

            if (reference is not null && last is not null)
            {
                var still = _core.Time.GetElapsedTime(reference.Timestamp, last.Timestamp);
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
        var (barrier, before) = _core.SnapshotBarrier();
        var reference = before is not null && !barrier.ChangeSeen ? before : _core.Parts.Video.TryGetLatest();
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
        try
        {
            await foreach (var frame in FramesAsync(header, barrier, options.Timeout, cancellationToken).ConfigureAwait(false))
            {
                Replace(ref last, frame);
                if (reference is null)
                {
                    reference = frame.Share();
                    Log($"comparing with frame #{reference.Sequence}");
                    continue;
                }

                if (!_core.Unchanged(frame, reference, options.ChangeTolerance))
                {
                    barrier.MarkChangeSeen();
                    step.EndedOn(frame);
                    if (reference.Size != frame.Size)
                    {
                        return new ScreenChange(1, frame.Bounds, frame.Sequence);
                    }

                    var difference = _core.Parts.Diff.Compare(frame, reference);
                    return new ScreenChange(difference.ChangedFraction, difference.ChangedBounds, frame.Sequence);
                }
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

    private async IAsyncEnumerable<Frame> FramesAsync(
        string header,
        Barrier barrier,
        TimeSpan timeout,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, _core.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var after = barrier.Timestamp;
        var count = 0;
        while (true)
        {
            Frame frame;
            try
            {
                frame = await _core.Parts.Video.WaitForFrameAsync(after, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                if (count == 0)
                {
                    throw _core.VideoFault(header, timeout, barrier, null);
                }

                yield break;
            }
            catch (VideoException e)
            {
                throw _core.VideoFault(header, timeout, barrier, e);
            }

            after = frame.Timestamp;
            count++;
            yield return frame;
        }
    }

    private ExpectationFailedException Fail(string header, string expected, string seen, Frame? last, TimeSpan timeout, StepContext step)
    {
        if (last is not null)
        {
            step.EndedOn(last);
        }

        var text = _core.Redact(FailureText.Build(header, expected, seen, last, Durations.Format(timeout), _log));
        OperatorLog.WaitFailed(_core.Logger, text);
        return new ExpectationFailedException(text, [.. _log])
        {
            Timeout = timeout,
            LastFrame = last?.Share(),
            Attachments = new Evidence(_core).Collect(last, null, null, _log),
        };
    }

    private static string Change(ScreenDifference d) => string.Create(
        CultureInfo.InvariantCulture,
        $"{d.ChangedFraction * 100:0.00}% at {d.ChangedBounds.X},{d.ChangedBounds.Y},{d.ChangedBounds.Width},{d.ChangedBounds.Height}");

    private void Log(string line) => _log.Add(_core.Redact(line));

    private static void Replace(ref Frame? slot, Frame frame)
    {
        var old = slot;
        slot = frame;
        old?.Dispose();
    }
}
