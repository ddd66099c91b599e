using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>Stamps capture metadata on a frame built in memory (fake video in tests and benchmarks).</summary>
internal static class FrameStamp
{
    public static Frame Stamped(this Frame frame, long sequence, long timestamp, DateTimeOffset capturedAt, string source)
    {
        frame.Stamp(sequence, timestamp, capturedAt, source);
        return frame;
    }
}
