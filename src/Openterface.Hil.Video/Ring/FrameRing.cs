using Microsoft.Extensions.Logging;

namespace Openterface.Hil.Video;

/// <summary>
/// The last <see cref="Length"/> of video as JPEG-compressed frames in bounded memory (the source's own JPEG
/// bytes when it sends MJPEG), so a failed step can attach the seconds before it. Buffers are reused as old
/// frames fall out: steady state allocates nothing.
/// </summary>
public sealed class FrameRing
{
    private const int MaxSpareEntries = 8;
    private readonly Lock _gate = new();
    private readonly Queue<RingEntry> _entries = new();
    private readonly Stack<RingEntry> _spare = new();
    private readonly long _lengthTicks;
    private readonly long _maxBytes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _heldBytes;
    private long _spareBytes;

    internal FrameRing(TimeSpan length, long maxBytes, TimeProvider time, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero);
        Length = length;
        _maxBytes = maxBytes;
        _time = time;
        _logger = logger;
        _lengthTicks = (long)(length.TotalSeconds * time.TimestampFrequency);
    }

    /// <summary>How much video the ring keeps.</summary>
    public TimeSpan Length { get; }

    /// <summary>Bytes held by the ring's buffers (frames plus a few spare buffers).</summary>
    public long MemoryBytes
    {
        get
        {
            lock (_gate)
            {
                return _heldBytes + _spareBytes;
            }
        }
    }

    /// <summary>Frames held.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// Writes the last <paramref name="window"/> (default: everything held) as a browser-playable video: H.264
    /// MP4 (yuv420p, +faststart) or WebM (VP8), chosen by the extension, playing at real speed.
    /// </summary>
    public Task ExportAsync(string path, TimeSpan? window = null, CancellationToken cancellationToken = default) =>
        ExportAsync(path, window, skip: null, cancellationToken);

    /// <summary>
    /// Like <see cref="ExportAsync(string, TimeSpan?, CancellationToken)"/>, leaving out every frame whose timestamp
    /// <paramref name="skip"/> returns true for (frames that may show a typed secret): the frame before such a run
    /// stays on screen until the next kept frame.
    /// </summary>
    public async Task ExportAsync(string path, TimeSpan? window, Func<long, bool>? skip, CancellationToken cancellationToken = default)
    {
        var frames = Snapshot(window);
        if (frames.Count == 0)
        {
            throw new VideoException($"Cannot export '{path}': the video ring holds no frames yet. Wait for the first frame.");
        }

        if (skip is not null && frames.RemoveAll(frame => skip(frame.Timestamp)) > 0 && frames.Count == 0)
        {
            throw new VideoException($"Cannot export '{path}': every frame in the window was left out (a typed secret may be on screen).");
        }

        var end = frames[^1].Timestamp + (long)(_time.TimestampFrequency / VideoFileWriter.DefaultFramesPerSecond);
        await VideoFileWriter.WriteAsync(path, frames, end, _time.TimestampFrequency, _logger, cancellationToken).ConfigureAwait(false);
    }

    internal void Add(ReadOnlySpan<byte> jpeg, long timestamp, long sequence)
    {
        lock (_gate)
        {
            while (_entries.Count > 0 &&
                   (timestamp - _entries.Peek().Timestamp > _lengthTicks || _heldBytes + jpeg.Length > _maxBytes))
            {
                Recycle(_entries.Dequeue());
            }

            var entry = _spare.Count > 0 ? _spare.Pop() : new RingEntry();
            _spareBytes -= entry.Data.Length;
            entry.Set(jpeg, timestamp, sequence);
            _heldBytes += entry.Data.Length;
            _entries.Enqueue(entry);
        }
    }

    /// <summary>Copies of the frames in the last <paramref name="window"/>, oldest first.</summary>
    internal List<TimedJpeg> Snapshot(TimeSpan? window)
    {
        lock (_gate)
        {
            var result = new List<TimedJpeg>(_entries.Count);
            if (_entries.Count == 0)
            {
                return result;
            }

            var newest = _entries.Last().Timestamp;
            var from = window is { } w ? newest - (long)(w.TotalSeconds * _time.TimestampFrequency) : long.MinValue;
            foreach (var entry in _entries)
            {
                if (entry.Timestamp >= from)
                {
                    result.Add(new TimedJpeg(entry.Data.AsSpan(0, entry.Length).ToArray(), entry.Timestamp));
                }
            }

            return result;
        }
    }

    private void Recycle(RingEntry entry)
    {
        _heldBytes -= entry.Data.Length;
        if (_spare.Count < MaxSpareEntries)
        {
            _spare.Push(entry);
            _spareBytes += entry.Data.Length;
        }
    }
}
