using Microsoft.Extensions.Logging;

namespace Openterface.Hil.Video;

/// <summary>Writes timed JPEG frames (a ring snapshot) to a video file that plays at real speed.</summary>
internal static class VideoFileWriter
{
    internal const double DefaultFramesPerSecond = 30;

    internal static async Task WriteAsync(
        string path, IReadOnlyList<TimedJpeg> frames, long end, long timestampFrequency, ILogger logger,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var timeline = new CfrTimeline(timestampFrequency, DefaultFramesPerSecond);
        var encoder = FfmpegEncoder.Start(path, DefaultFramesPerSecond);
        await using (encoder.ConfigureAwait(false))
        {
            for (var i = 0; i < frames.Count; i++)
            {
                var repeats = timeline.Advance(frames[i].Timestamp);
                if (i > 0)
                {
                    await encoder.WriteAsync(frames[i - 1].Jpeg, repeats, cancellationToken).ConfigureAwait(false);
                }
            }

            await encoder.WriteAsync(frames[^1].Jpeg, timeline.Finish(end), cancellationToken).ConfigureAwait(false);
            await encoder.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        logger.VideoWritten(path, frames.Count, (double)(end - frames[0].Timestamp) / timestampFrequency);
    }
}
