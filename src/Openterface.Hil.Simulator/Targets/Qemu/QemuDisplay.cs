using Openterface.Hil.Imaging;
using Openterface.Hil.Video;

namespace Openterface.Hil.Simulator;

/// <summary>
/// The QEMU target's screen as a capture card sees it: QMP screendumps of the running VM at the frame rate, and
/// black frames ("no signal", the last size seen, 720x400 at first) while the target is powered off.
/// </summary>
internal sealed class QemuDisplay : IFrameSource
{
    private readonly QemuTarget _target;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _period;
    private readonly QmpScreenCapture _capture = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _sequence;
    private long _lastCapture;
    private int _width = 720;
    private int _height = 400;

    public QemuDisplay(QemuTarget target, double framesPerSecond, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(framesPerSecond);
        _target = target;
        _timeProvider = timeProvider;
        _period = TimeSpan.FromSeconds(1 / framesPerSecond);
    }

    public string Uri => "qmp://" + Path.Combine(_target.WorkDirectory, "qmp.sock");

    public async ValueTask<Frame> ReadFrameAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_lastCapture != 0)
            {
                var wait = _period - _timeProvider.GetElapsedTime(_lastCapture);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
                }
            }

            var frame = await CaptureAsync(cancellationToken).ConfigureAwait(false);
            _lastCapture = _timeProvider.GetTimestamp();
            frame.Stamp(++_sequence, _lastCapture, _timeProvider.GetUtcNow(), Uri);
            return frame;
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _capture.Dispose();
        return ValueTask.CompletedTask;
    }

    private async ValueTask<Frame> CaptureAsync(CancellationToken cancellationToken)
    {
        if (_target.PoweredOn && _target.Client is { } client)
        {
            try
            {
                var frame = await _capture.CaptureAsync(client, cancellationToken).ConfigureAwait(false);
                _width = frame.Width;
                _height = frame.Height;
                return frame;
            }
            catch (QmpException) when (!_target.PoweredOn)
            {
                // Powered off while grabbing: no signal, like the capture card.
            }
        }

        var black = Frame.Allocate(_width, _height, PixelFormat.Bgr24);
        black.WritablePixels.Clear();
        return black;
    }
}
