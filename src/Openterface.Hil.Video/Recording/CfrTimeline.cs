namespace Openterface.Hil.Video;

/// <summary>
/// Maps frames with real capture times onto a constant-rate output so the video plays at real speed: output
/// tick k (at first + k x period) shows the latest frame captured at or before it, so a frame is repeated
/// over gaps and skipped when frames come faster than the output rate.
/// </summary>
internal sealed class CfrTimeline(long timestampFrequency, double framesPerSecond)
{
    private readonly double _period = timestampFrequency / framesPerSecond;
    private double _nextTick = double.NaN;

    /// <summary>Output ticks written so far.</summary>
    internal long Ticks { get; private set; }

    /// <summary>
    /// How many times the previous frame must be written before the frame captured at <paramref name="timestamp"/>
    /// takes over (0 for the first frame).
    /// </summary>
    internal int Advance(long timestamp)
    {
        if (double.IsNaN(_nextTick))
        {
            _nextTick = timestamp;
            return 0;
        }

        var count = 0;
        while (_nextTick < timestamp)
        {
            _nextTick += _period;
            count++;
        }

        Ticks += count;
        return count;
    }

    /// <summary>How many times the last frame must be written to fill the output up to <paramref name="end"/> (at least once).</summary>
    internal int Finish(long end)
    {
        if (double.IsNaN(_nextTick))
        {
            return 0;
        }

        var count = 0;
        while (_nextTick < end || count == 0)
        {
            _nextTick += _period;
            count++;
        }

        Ticks += count;
        return count;
    }
}
