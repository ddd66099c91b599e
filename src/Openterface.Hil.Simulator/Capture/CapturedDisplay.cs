using Openterface.Hil.Imaging;
using Openterface.Hil.Video;

namespace Openterface.Hil.Simulator;

/// <summary>
/// A target's display seen through the capture model: every frame of the inner display is scaled and JPEG'd as an
/// MS2109 would (<see cref="LastJpeg"/> holds the bytes, the returned frame is their decoded pixels, artefacts and
/// all), arrives up to the model's jitter late (through the <see cref="TimeProvider"/>), and now and then one is
/// dropped (the next frame of the inner display takes its place). Owns and disposes the inner display.
/// </summary>
internal sealed class CapturedDisplay : IFrameSource, IJpegFrameSource
{
    private readonly IFrameSource _inner;
    private readonly CaptureModel _model;
    private readonly TimeProvider _time;
    private byte[] _lastJpeg = [];
    private long _dropped;

    internal CapturedDisplay(IFrameSource inner, CaptureModelOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _inner = inner;
        _model = new CaptureModel(options);
        _time = timeProvider;
    }

    public string Uri => _inner.Uri;

    public ReadOnlySpan<byte> LastJpeg => _lastJpeg;

    /// <summary>Frames the model dropped so far.</summary>
    internal long Dropped => Interlocked.Read(ref _dropped);

    /// <summary><paramref name="display"/> as the rig's capture card delivers it under <paramref name="realism"/>.</summary>
    internal static IFrameSource Wrap(IFrameSource display, CaptureRealism realism, CaptureModelOptions? options, TimeProvider timeProvider) =>
        realism == CaptureRealism.None ? display : new CapturedDisplay(display, options ?? new CaptureModelOptions(), timeProvider);

    public async ValueTask<Frame> ReadFrameAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var picture = await _inner.ReadFrameAsync(cancellationToken).ConfigureAwait(false);
            using (picture)
            {
                var (drop, jitter) = _model.NextFrame();
                if (drop)
                {
                    Interlocked.Increment(ref _dropped);
                    continue;
                }

                if (jitter > TimeSpan.Zero)
                {
                    await Task.Delay(jitter, _time, cancellationToken).ConfigureAwait(false);
                }

                var jpeg = _model.Capture(picture);
                var captured = ImageCodec.Decode(jpeg, picture.Format, picture.Source);
                captured.Stamp(picture.Sequence, picture.Timestamp, picture.CapturedAt, picture.Source);
                _lastJpeg = jpeg;
                return captured;
            }
        }
    }

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
