using Openterface.Hil.Imaging;
using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Simulator;

/// <summary>
/// What the capture chip does to one picture (<see cref="Capture"/>: scale to the capture mode, JPEG 4:2:2) and
/// the seeded per-frame decisions (<see cref="NextFrame"/>: jitter, drop). Not thread-safe: one per stream.
/// </summary>
internal sealed class CaptureModel
{
    private const int InterLinear = 1;
    private readonly CaptureModelOptions _options;
    private readonly Random _random;
    private bool _droppedLast;

    internal CaptureModel(CaptureModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _random = new Random(options.Seed);
    }

    internal CaptureModelOptions Options => _options;

    /// <summary>Whether the next frame is dropped and, if kept, how late it arrives (whole ms). One call per frame.</summary>
    internal (bool Drop, TimeSpan Jitter) NextFrame()
    {
        var drop = !_droppedLast && _random.NextDouble() < _options.DropProbability;
        _droppedLast = drop;
        // Whole milliseconds: timers (and Task.Delay) have millisecond resolution.
        var maxMilliseconds = (int)_options.MaxJitter.TotalMilliseconds;
        var jitter = TimeSpan.FromMilliseconds(_random.Next(maxMilliseconds + 1));
        return (drop, drop ? TimeSpan.Zero : jitter);
    }

    /// <summary>The JPEG the chip would send for <paramref name="picture"/>.</summary>
    internal byte[] Capture(Frame picture)
    {
        using var scaled = Scale(picture);
        return scaled.EncodeJpeg(_options.JpegQuality, _options.Subsampling);
    }

    /// <summary>The picture at the capture mode (bilinear), or shared unchanged when it keeps its size.</summary>
    internal Frame Scale(Frame picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        if (_options.CaptureMode is not { } mode || picture.Width < _options.ScaleFromWidth || picture.Size == mode)
        {
            return picture.Share();
        }

        var scaled = Frame.Allocate(mode.Width, mode.Height, picture.Format).WithInfoFrom(picture);
        HilCvNative.Check(HilCvNative.Resize(picture.View(), scaled.View(), InterLinear), "Scaling to the capture mode");
        return scaled;
    }
}
