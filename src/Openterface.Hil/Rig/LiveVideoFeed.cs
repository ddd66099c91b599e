using Openterface.Hil.Imaging;
using Openterface.Hil.Video;

namespace Openterface.Hil;

/// <summary>The operator's video feed over a real <see cref="LiveVideo"/>.</summary>
internal sealed class LiveVideoFeed(LiveVideo video) : IVideoFeed
{
    public Frame? TryGetLatest() => video.TryGetLatest();

    public ValueTask<Frame> WaitForFrameAsync(long capturedAfterTimestamp, CancellationToken cancellationToken) =>
        video.WaitForFrameAsync(capturedAfterTimestamp, cancellationToken);

    public void NoteInputSent() => video.NoteInputSent();
}
