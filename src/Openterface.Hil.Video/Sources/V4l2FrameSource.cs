using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video;

/// <summary>
/// A V4L2 capture device (the Mini-KVM's MS2109). The first frames after opening are thrown away (they can be
/// stale), each frame's size comes from its own JPEG header, and JPEG buffers are decoded here (full range). A single
/// undecodable (torn) buffer is skipped; a run of them is a rig fault naming the reason. When the device vanishes
/// (unplugged, re-enumerated under a new videoN) and a <see cref="CaptureRecovery"/> is given, the node is found again
/// by its USB port and reopened with backoff. Reads block in the driver, so each runs on the thread pool.
/// </summary>
internal sealed class V4l2FrameSource : IFrameSource, IJpegFrameSource
{
    /// <summary>Undecodable buffers in a row that make the source a rig fault.</summary>
    internal const int MaxBadFramesInARow = 30;

    private readonly FrameStamper _stamper;
    private readonly JpegBuffer _jpeg = new();
    private readonly FrameSourceOptions _options;
    private readonly CaptureRecovery? _recovery;
    private readonly Func<object?, Frame?> _read;
    private IRawCapture _capture;
    private int _warmUpLeft;
    private int _badInARow;
    private int _disposed;

    internal V4l2FrameSource(IRawCapture capture, string uri, FrameSourceOptions options, CaptureRecovery? recovery = null)
    {
        _capture = capture;
        Uri = uri;
        Device = uri;
        _options = options;
        _recovery = recovery;
        _stamper = new FrameStamper(options.TimeProvider, uri);
        _warmUpLeft = Math.Max(0, options.WarmUpFrames);
        _read = _ => ReadOrLost();
    }

    public string Uri { get; }

    /// <summary>The node in use now (after a replug, possibly another videoN).</summary>
    public string Device { get; private set; }

    /// <summary>Undecodable buffers skipped so far.</summary>
    public int SkippedFrames { get; private set; }

    /// <summary>Times the device was found again and reopened after it vanished.</summary>
    public int Reopened { get; private set; }

    public ReadOnlySpan<byte> LastJpeg => _jpeg.Span;

    public async ValueTask<Frame> ReadFrameAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            var frame = await Task.Factory.StartNew(_read, null, cancellationToken, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default).ConfigureAwait(false);
            if (frame is not null)
            {
                return frame;
            }

            if (_recovery is null)
            {
                throw Lost();
            }

            await RecoverAsync(_recovery, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads on the calling thread (blocks in the driver); used by tests.</summary>
    internal Frame ReadBlocking() => ReadOrLost() ?? throw Lost();

    /// <summary>The next good frame, or null when the device stopped delivering (unplugged or reset).</summary>
    private Frame? ReadOrLost()
    {
        while (true)
        {
            bool got;
            RawCaptureFrame raw;
            try
            {
                got = _capture.TryRead(out raw);
            }
            catch (VideoException)
            {
                return null;
            }

            if (!got)
            {
                return null;
            }

            var arrivedAt = _stamper.Now();
            if (_warmUpLeft > 0)
            {
                _warmUpLeft--;
                continue;
            }

            if (!raw.IsJpeg)
            {
                _jpeg.Clear();
                _badInARow = 0;
                return _stamper.Stamp(CopyPixels(raw), arrivedAt);
            }

            _jpeg.CopyFrom(raw.Data);
            Frame decoded;
            try
            {
                decoded = JpegCodec.Decode(_jpeg.Span, Device);
            }
            catch (VideoException e)
            {
                // A torn buffer (the driver overwrote it mid-copy) or a glitch on the wire: skip it, but not forever.
                SkippedFrames++;
                if (++_badInARow >= MaxBadFramesInARow)
                {
                    throw new VideoException(
                        $"Video device '{Device}' delivered {_badInARow} undecodable frames in a row (last: {e.Message}). Check the HDMI source and the USB cable; replug the Mini-KVM.",
                        isRigFault: true);
                }

                continue;
            }

            _badInARow = 0;
            return _stamper.Stamp(decoded, arrivedAt);
        }
    }

    private async Task RecoverAsync(CaptureRecovery recovery, CancellationToken cancellationToken)
    {
        _capture.Dispose();
        var time = _options.TimeProvider;
        var start = time.GetTimestamp();
        var delay = _options.ReconnectDelay;
        string? lastError = null;
        while (true)
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            if (recovery.Resolve() is { } path)
            {
                try
                {
                    _capture = recovery.Open(path);
                    Device = path;
                    _warmUpLeft = Math.Max(0, _options.WarmUpFrames);
                    Reopened++;
                    return;
                }
                catch (VideoException e)
                {
                    lastError = e.Message;
                }
            }

            if (time.GetElapsedTime(start) >= _options.ReconnectTimeout)
            {
                _capture = new LostCapture();
                throw new VideoException(
                    $"Video device '{Device}' stopped delivering frames and did not come back at USB port '{recovery.UsbPort}' within {_options.ReconnectTimeout.TotalSeconds:0.#}s"
                    + (lastError is null ? "." : $" ({lastError}).") + " Check the USB cable and replug the Mini-KVM.",
                    isRigFault: true);
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(1).Ticks));
        }
    }

    private VideoException Lost() => new(
        $"Video device '{Device}' stopped delivering frames (unplugged or reset). Check the USB cable; " +
        "the device node may come back under a new name ('auto' finds it).",
        isRigFault: true);

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

    private sealed class LostCapture : IRawCapture
    {
        public string Describe() => "lost";

        public bool TryRead(out RawCaptureFrame frame)
        {
            frame = default;
            return false;
        }

        public void Dispose()
        {
        }
    }
}
