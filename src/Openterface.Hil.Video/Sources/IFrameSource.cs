using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video;

/// <summary>
/// A stream of captured frames (V4L2, MJPEG over HTTP, QEMU display, image folder). The seam every capture
/// path implements. Frames come stamped with Sequence, Timestamp (TimeProvider) and Source.
/// </summary>
public interface IFrameSource : IAsyncDisposable
{
    /// <summary>The URI this source was opened from.</summary>
    string Uri { get; }

    /// <summary>
    /// Waits for and returns the next frame; the caller owns it and must dispose it. Throws a
    /// <see cref="VideoException"/> when the source is gone.
    /// </summary>
    ValueTask<Frame> ReadFrameAsync(CancellationToken cancellationToken = default);
}
