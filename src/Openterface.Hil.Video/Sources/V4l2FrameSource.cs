using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video;

/// <summary>
/// A V4L2 capture device (the Mini-KVM's MS2109). The first frames after opening are thrown away (they can be
/// stale), each frame's size comes from its own JPEG header, and JPEG buffers are decoded here (full range).
/// Reads block in the driver, so each runs on the thread pool.
/// </summary>
internal sealed class V4l2FrameSource : IFrameSource, IJpegFrameSource
{
    private readonly IRawCapture _capture;
    private readonly FrameStamper _stamper;
    private readonly JpegBuffer _jpeg = new();
    private readonly Func<object?, Frame> _read;
    private int _warmUpLeft;
    private int _disposed;

    internal V4l2FrameSource(IRawCapture capture, string uri, FrameSourceOptions options)
    {
        _capture = capture;
        Uri = uri;
        _stamper = new FrameStamper(options.TimeProvider, uri);
        _warmUpLeft = Math.Max(0, options.WarmUpFrames);
        _read = _ => ReadBlocking();
    }

    public string Uri { get; }

    public ReadOnlySpan<byte> LastJpeg => _jpeg.Span;

    public ValueTask<Frame> ReadFrameAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return new ValueTask<Frame>(Task.Factory.StartNew(
            _read, null, cancellationToken, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default));
    }

    /// <summary>Reads on the calling thread (blocks in the driver); used by the async read and by tests.</summary>
    internal Frame ReadBlocking()
    {
        while (true)
        {
            if (!_capture.TryRead(out var raw))
            {
                throw new VideoException(
                    $"Video device '{Uri}' stopped delivering frames (unplugged or reset). Check the USB cable; " +
                    "the device node may come back under a new name ('auto' finds it).",
                    isRigFault: true);
            }

            var arrivedAt = _stamper.Now();
            if (_warmUpLeft > 0)
            {
                _warmUpLeft--;
                continue;
            }

            if (raw.IsJpeg)
            {
                _jpeg.CopyFrom(raw.Data);
                return _stamper.Stamp(JpegCodec.Decode(_jpeg.Span, Uri), arrivedAt);
            }

            _jpeg.Clear();
            return _stamper.Stamp(CopyPixels(raw), arrivedAt);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _capture.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private static Frame CopyPixels(RawCaptureFrame raw)
    {
        var frame = Frame.Allocate(raw.Width, raw.Height, PixelFormat.Bgr24);
        var rowBytes = raw.Width * 3;
        var target = frame.WritablePixels;
        for (var y = 0; y < raw.Height; y++)
        {
            raw.Data.Slice(y * raw.Stride, rowBytes).CopyTo(target.Slice(y * rowBytes, rowBytes));
        }

        return frame;
    }
}
