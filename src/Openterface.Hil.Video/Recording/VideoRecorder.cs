using System.Buffers;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Openterface.Hil.Video;

/// <summary>
/// Records a <see cref="LiveVideo"/> to a browser-playable MP4 (H.264) or WebM through ffmpeg, for a whole test.
/// Frames keep their real capture times: the file plays at real speed. If ffmpeg falls behind, queued frames
/// are dropped (the previous one shows longer) rather than stalling capture.
/// </summary>
public sealed class VideoRecorder : IAsyncDisposable, IFrameSink
{
    private readonly LiveVideo _video;
    private readonly Channel<(byte[] Bytes, int Length, long Timestamp)> _queue;
    private readonly FfmpegEncoder _encoder;
    private readonly CfrTimeline _timeline;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Task<(byte[]? Bytes, int Length)> _writer;
    private readonly long _startedAt;
    private int _framesIn;
    private Task? _stopping;

    private VideoRecorder(LiveVideo video, string path, VideoRecorderOptions options)
    {
        _video = video;
        _time = video.TimeProvider;
        _logger = video.Logger;
        Path = path;
        _encoder = FfmpegEncoder.Start(path, options.FramesPerSecond);
        _timeline = new CfrTimeline(_time.TimestampFrequency, options.FramesPerSecond);
        _queue = Channel.CreateBounded<(byte[], int, long)>(
            new BoundedChannelOptions(Math.Max(1, options.QueueLength)) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            static dropped => ArrayPool<byte>.Shared.Return(dropped.Item1));
        _startedAt = _time.GetTimestamp();
        _writer = Task.Run(WriteLoopAsync);
        video.AddSink(this);
    }

    /// <summary>The file being written.</summary>
    public string Path { get; }

    /// <summary>Frames received from the live video so far.</summary>
    public int FramesReceived => Volatile.Read(ref _framesIn);

    /// <summary>Starts recording <paramref name="video"/> into <paramref name="path"/> (.mp4 or .webm).</summary>
    public static VideoRecorder Start(LiveVideo video, string path, VideoRecorderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new VideoRecorder(video, path, options ?? new VideoRecorderOptions());
    }

    /// <summary>Stops recording and waits until the file is complete; throws a <see cref="VideoException"/> when ffmpeg failed.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        lock (_queue)
        {
            _stopping ??= StopCoreAsync(cancellationToken);
            return _stopping;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        catch (VideoException e)
        {
            _logger.ReadFailed(Path, e);
        }
    }

    void IFrameSink.OnFrame(ReadOnlySpan<byte> jpeg, long timestamp)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(jpeg.Length);
        jpeg.CopyTo(bytes);
        Interlocked.Increment(ref _framesIn);
        if (!_queue.Writer.TryWrite((bytes, jpeg.Length, timestamp)))
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        var end = _time.GetTimestamp();
        _video.RemoveSink(this);
        _queue.Writer.TryComplete();
        try
        {
            var last = await _writer.ConfigureAwait(false);
            if (last.Bytes is null)
            {
                throw new VideoException(
                    $"Recording '{Path}' got no frames in {_time.GetElapsedTime(_startedAt).TotalSeconds:0.0} s. Check the video source's health.",
                    isRigFault: true);
            }

            await _encoder.WriteAsync(last.Bytes.AsMemory(0, last.Length), _timeline.Finish(end), cancellationToken).ConfigureAwait(false);
            ArrayPool<byte>.Shared.Return(last.Bytes);
            await _encoder.CompleteAsync(cancellationToken).ConfigureAwait(false);
            _logger.VideoWritten(Path, FramesReceived, _time.GetElapsedTime(_startedAt).TotalSeconds);
        }
        finally
        {
            await _encoder.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Writes queued frames; returns the last frame (not yet written: it lasts until the next one or the stop).</summary>
    private async Task<(byte[]? Bytes, int Length)> WriteLoopAsync()
    {
        byte[]? previous = null;
        var previousLength = 0;
        await foreach (var (bytes, length, timestamp) in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var repeats = _timeline.Advance(timestamp);
            if (previous is not null)
            {
                try
                {
                    await _encoder.WriteAsync(previous.AsMemory(0, previousLength), repeats, CancellationToken.None).ConfigureAwait(false);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(previous);
                }
            }

            previous = bytes;
            previousLength = length;
        }

        return (previous, previousLength);
    }
}
