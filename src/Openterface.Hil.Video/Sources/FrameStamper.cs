using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video;

/// <summary>Numbers frames 1, 2, 3... and stamps them with the time their bytes arrived.</summary>
internal sealed class FrameStamper(TimeProvider timeProvider, string source)
{
    private long _sequence;

    internal TimeProvider TimeProvider => timeProvider;

    internal string Source => source;

    internal long Now() => timeProvider.GetTimestamp();

    internal Frame Stamp(Frame frame, long arrivedAt)
    {
        frame.Stamp(++_sequence, arrivedAt, timeProvider.GetUtcNow() - timeProvider.GetElapsedTime(arrivedAt), source);
        return frame;
    }
}
