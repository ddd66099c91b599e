using Openterface.Hil.Imaging;
using Openterface.Hil.Video;

namespace Openterface.Hil;

/// <summary>
/// The poller behind every locator wait. Accepts only frames captured after the barrier; right after an input it
/// also ignores frames identical to the pre-input screen until the target reacts; evaluates each new frame once
/// (an unchanged frame reuses the last result); searches near the needle's recorded position first and the whole
/// frame every 5th evaluation, on an unchanged frame after a near miss, and at the deadline; needs N consecutive
/// matches. Never a Polly retry: the call log is the product.
/// </summary>
internal sealed partial class WaitEngine
{
    private readonly SessionCore _core;

    public WaitEngine(SessionCore core)
    {
        _core = core;
    }

    public async Task<WaitOutcome> RunAsync(WaitSpec spec, ResolvedExpect options, StepContext step, CancellationToken cancellationToken)
    {
        var (barrier, before) = _core.SnapshotBarrier();
        var run = new WaitRun(_core, spec, options, barrier, before);
        try
        {
            run.Log(barrier.Describe());
            using var deadline = new CancellationTokenSource(options.Timeout, _core.Time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            var after = barrier.Timestamp;
            while (true)
            {
                Frame frame;
                try
                {
                    frame = await _core.Parts.Video.WaitForFrameAsync(after, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                catch (VideoException e)
                {
                    throw run.VideoFault(e);
                }

                after = frame.Timestamp;
                if (run.Offer(frame))
                {
                    step.EndedOn(frame);
                    return run.Pass(frame);
                }
            }

            if (run.FinalCheck() is { } passed)
            {
                step.EndedOn(passed.Frame);
                return passed;
            }

            throw run.Fail(step);
        }
        finally
        {
            run.Dispose();
        }
    }

    public static NeedleSearch Schedule(SearchScope scope, int evaluation) => scope switch
    {
        SearchScope.WholeFrame => NeedleSearch.WholeFrame,
        SearchScope.NearRecorded => NeedleSearch.NearRecorded,
        _ => evaluation % 5 == 4 ? NeedleSearch.WholeFrame : NeedleSearch.NearRecorded,
    };

    public static string PassName(NeedleSearch search) =>
        search == NeedleSearch.WholeFrame ? "whole frame" : "near recorded position";
}
