using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>
/// The live capture as the operator sees it (production: <see cref="LiveVideoFeed"/>; tests: a fake feed). Frames
/// carry Sequence and Timestamp (TimeProvider.GetTimestamp at capture).
/// </summary>
internal interface IVideoFeed
{
    /// <summary>The newest frame, or null before the first one; the caller owns (disposes) it.</summary>
    Frame? TryGetLatest();

    /// <summary>
    /// The first frame captured after <paramref name="capturedAfterTimestamp"/>; the caller disposes it. Throws
    /// <see cref="Video.VideoException"/> when the source is unhealthy.
    /// </summary>
    ValueTask<Frame> WaitForFrameAsync(long capturedAfterTimestamp, CancellationToken cancellationToken);

    /// <summary>Tells signal-health monitoring that input was just sent (a frozen screen after input is suspicious).</summary>
    void NoteInputSent();
}
