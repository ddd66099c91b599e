using Openterface.Hil.Imaging;
using Openterface.Hil.Video;

namespace Openterface.Hil;

/// <summary>
/// The one frame-wait loop every wait uses (Expect, still/changed, typing read-back, calibration, screenshots). It
/// owns the barrier stamped by input actions, accepts only frames captured after it, offers each new frame once
/// (a frame whose sequence is not newer than the last one offered is skipped) with the elapsed share of the
/// timeout, and stops when the offer is satisfied or the deadline passes. Locator waits run through
/// <see cref="WaitAsync"/>, which adds the change gate, near/whole search scheduling, consecutive matches and the
/// call log (<see cref="WaitRun"/>).
/// </summary>
internal sealed class FrameWaiter
{
    private readonly IVideoFeed _video;
    private readonly TimeProvider _time;
    private readonly Lock _barrierGate = new();
    private Barrier _barrier = Barrier.Start;

    public FrameWaiter(IVideoFeed video, TimeProvider time)
    {
        _video = video;
        _time = time;
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
        using var latest = _video.TryGetLatest();
        var barrier = new Barrier(_time.GetTimestamp(), latest?.Sequence ?? 0, action, before);
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

    /// <summary>
    /// Offers every new frame captured after <paramref name="after"/> to <paramref name="offer"/> (with the elapsed
    /// share of <paramref name="timeout"/>, 0..1) until it returns true or the timeout passes. The loop disposes each
    /// frame after its offer: keep one with <see cref="Frame.Share"/>. A failing capture becomes <paramref name="fault"/>.
    /// </summary>
    public async Task<FrameLoopEnd> RunAsync(
        long after,
        TimeSpan timeout,
        Func<Frame, double, ValueTask<bool>> offer,
        Func<VideoException, Exception> fault,
        CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var frames = 0;
        var lastSequence = long.MinValue;
        while (true)
        {
            Frame frame;
            try
            {
                frame = await _video.WaitForFrameAsync(after, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return new FrameLoopEnd(false, frames);
            }
            catch (VideoException e)
            {
                throw fault(e);
            }

            using (frame)
            {
                after = frame.Timestamp;
                if (frame.Sequence <= lastSequence)
                {
                    continue;
                }

                lastSequence = frame.Sequence;
                frames++;
                var share = timeout <= TimeSpan.Zero ? 1.0 : Math.Clamp(_time.GetElapsedTime(started) / timeout, 0.0, 1.0);
                if (await offer(frame, share).ConfigureAwait(false))
                {
                    return new FrameLoopEnd(true, frames);
                }
            }
        }
    }

    /// <summary>The first frame captured after the barrier (owned by the caller), or null when none came in time.</summary>
    public async Task<Frame?> NextFrameAsync(TimeSpan timeout, Func<VideoException, Exception> fault, CancellationToken cancellationToken)
    {
        var (barrier, before) = SnapshotBarrier();
        before?.Dispose();
        Frame? next = null;
        await RunAsync(barrier.Timestamp, timeout, (frame, _) =>
        {
            next = frame.Share();
            return ValueTask.FromResult(true);
        }, fault, cancellationToken).ConfigureAwait(false);
        return next;
    }

    /// <summary>Runs a locator wait: <paramref name="run"/> evaluates frames after its barrier until it passes or times out.</summary>
    public async Task<WaitOutcome> WaitAsync(WaitRun run, StepContext step, CancellationToken cancellationToken)
    {
        try
        {
            var barrier = run.Barrier;
            run.Log(barrier.Describe());
            WaitOutcome? passed = null;
            await RunAsync(barrier.Timestamp, run.Timeout, async (frame, share) =>
            {
                if (await run.OfferAsync(frame, share, cancellationToken).ConfigureAwait(false))
                {
                    passed = run.Pass(frame);
                    return true;
                }

                return false;
            }, run.VideoFault, cancellationToken).ConfigureAwait(false);

            passed ??= await run.FinalCheckAsync(cancellationToken).ConfigureAwait(false);
            run.ReportNeedleDecision(passed);
            if (passed is not null)
            {
                step.EndedOn(passed.Frame);
                step.NoteMatch(passed.Attempt.Result?.Match, run.Vision);
                return passed;
            }

            throw run.Fail(step);
        }
        finally
        {
            run.Dispose();
        }
    }

    /// <summary>Near the recorded position except every 5th evaluation (whole frame), unless the scope says otherwise.</summary>
    public static SearchScope Schedule(SearchScope scope, int evaluation) => scope switch
    {
        SearchScope.WholeFrame => SearchScope.WholeFrame,
        SearchScope.NearRecordedPosition => SearchScope.NearRecordedPosition,
        _ => evaluation % 5 == 4 ? SearchScope.WholeFrame : SearchScope.NearRecordedPosition,
    };

    public static string PassName(SearchScope search) =>
        search == SearchScope.WholeFrame ? "whole frame" : "near recorded position";
}

/// <summary>How a frame loop ended: satisfied or at the deadline, and how many new frames it saw.</summary>
internal readonly record struct FrameLoopEnd(bool Satisfied, int Frames);
