using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Openterface.Hil.Video;

/// <summary>Log messages of the video layer (category <c>Openterface.Hil.Video</c>).</summary>
internal static partial class VideoLog
{
    internal const string Category = "Openterface.Hil.Video";

    internal static ILogger Create(ILoggerFactory? factory) =>
        (factory ?? NullLoggerFactory.Instance).CreateLogger(Category);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Opened video source {Source} ({Detail})")]
    internal static partial void Opened(this ILogger logger, string source, string detail);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Video stream {Source} dropped ({Reason}); reconnecting")]
    internal static partial void StreamDropped(this ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Video stream {Source} reconnected after {Attempts} attempt(s)")]
    internal static partial void Reconnected(this ILogger logger, string source, int attempts);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Video health {Kind} on {Source}: {Evidence}")]
    internal static partial void Health(this ILogger logger, SignalHealthKind kind, string source, string evidence);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Reading video source {Source} failed")]
    internal static partial void ReadFailed(this ILogger logger, string source, Exception error);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "Skipped a bad frame from {Source}: {Reason}")]
    internal static partial void FrameSkipped(this ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Debug, Message = "Skipped bad frame {Run} in a row from {Source}: {Reason}")]
    internal static partial void FrameSkippedAgain(this ILogger logger, string source, long run, string reason);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information, Message = "Wrote video {Path} ({Frames} frames in, {Seconds:F1} s)")]
    internal static partial void VideoWritten(this ILogger logger, string path, int frames, double seconds);
}
