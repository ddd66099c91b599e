namespace Openterface.Hil.Video;

/// <summary>How <see cref="VideoRecorder"/> writes its file.</summary>
public sealed class VideoRecorderOptions
{
    /// <summary>Output frame rate; frames are repeated or skipped so the video plays at real speed.</summary>
    public double FramesPerSecond { get; init; } = VideoFileWriter.DefaultFramesPerSecond;

    /// <summary>Frames queued for ffmpeg before the oldest queued frame is dropped (it then shows longer).</summary>
    public int QueueLength { get; init; } = 90;
}
