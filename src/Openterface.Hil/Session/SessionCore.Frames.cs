using Openterface.Hil.Imaging;
using Openterface.Hil.Video;

namespace Openterface.Hil;

/// <summary>Single-frame reads: the first frame after the current barrier.</summary>
internal sealed partial class SessionCore
{
    /// <summary>The first frame captured after the barrier (owned by the caller); a rig fault when none arrives in time.</summary>
    public async Task<Frame> NextFrameAsync(string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (barrier, before) = SnapshotBarrier();
        before?.Dispose();
        using var deadline = new CancellationTokenSource(timeout, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await Parts.Video.WaitForFrameAsync(barrier.Timestamp, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw VideoFault(what, timeout, barrier, null);
        }
        catch (VideoException e)
        {
            throw VideoFault(what, timeout, barrier, e);
        }
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
}
