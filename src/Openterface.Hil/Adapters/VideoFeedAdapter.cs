using Openterface.Hil.Imaging;
using Openterface.Hil.Video;

namespace Openterface.Hil.Adapters;

/// <summary>The operator's video seam over <see cref="LiveVideo"/>.</summary>
internal sealed class VideoFeedAdapter(LiveVideo video) : IVideoFeed
{
    public LiveVideo Live => video;

    public Frame? TryGetLatest() => video.TryGetLatest();

    public ValueTask<Frame> WaitForFrameAsync(long capturedAfterTimestamp, CancellationToken cancellationToken) =>
        video.WaitForFrameAsync(capturedAfterTimestamp, cancellationToken);

    public void NoteInputSent() => video.NoteInputSent();
}
