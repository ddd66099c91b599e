namespace Openterface.Hil.Video;

/// <summary>One JPEG-compressed frame held by the ring; its buffer is reused when the entry is evicted.</summary>
internal sealed class RingEntry
{
    internal byte[] Data { get; private set; } = [];

    internal int Length { get; private set; }

    internal long Timestamp { get; private set; }

    internal long Sequence { get; private set; }

    internal void Set(ReadOnlySpan<byte> jpeg, long timestamp, long sequence)
    {
        if (Data.Length < jpeg.Length)
        {
            Data = new byte[(jpeg.Length + 65535) & ~65535];
        }

        jpeg.CopyTo(Data);
        Length = jpeg.Length;
        Timestamp = timestamp;
        Sequence = sequence;
    }
}

/// <summary>A copied frame for encoding: JPEG bytes and the monotonic timestamp they were captured at.</summary>
internal readonly record struct TimedJpeg(ReadOnlyMemory<byte> Jpeg, long Timestamp);
