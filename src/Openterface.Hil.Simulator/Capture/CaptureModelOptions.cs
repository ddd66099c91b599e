using System.Drawing;

namespace Openterface.Hil.Simulator;

/// <summary>
/// The MS2109 capture model: graphics modes from 1024 pixels wide up are scaled (bilinear, as the chip's scaler
/// does) to the capture mode, 1920x1080 by default, while narrower modes (720x400 text, 640x480) keep their size;
/// every frame is JPEG at about q80 with 4:2:2 chroma; each frame arrives a little late (uniform jitter) and now and
/// then one is dropped. Seeded: the same seed gives the same jitter and drops frame by frame.
/// </summary>
public sealed class CaptureModelOptions
{
    /// <summary>JPEG quality (1..100). MS2109 streams measure about q80.</summary>
    public int JpegQuality { get; init; } = 80;

    /// <summary>Chroma subsampling of the JPEG. The MS2109 encodes from YUYV, so 4:2:2.</summary>
    public Imaging.ChromaSubsampling Subsampling { get; init; } = Imaging.ChromaSubsampling.Half422;

    /// <summary>The capture mode graphics modes are scaled to; null keeps every frame at the target's size.</summary>
    public Size? CaptureMode { get; init; } = new Size(1920, 1080);

    /// <summary>Frames narrower than this (text modes such as 720x400) keep their own size.</summary>
    public int ScaleFromWidth { get; init; } = 1024;

    /// <summary>Each frame is delayed by a uniform random time up to this (frame-time jitter).</summary>
    public TimeSpan MaxJitter { get; init; } = TimeSpan.FromMilliseconds(8);

    /// <summary>Chance that a frame is dropped (never two in a row).</summary>
    public double DropProbability { get; init; } = 0.01;

    /// <summary>Seed of the jitter and drop decisions.</summary>
    public int Seed { get; init; } = 2109;

    internal void Validate()
    {
        if (JpegQuality is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(JpegQuality), JpegQuality, "Use a JPEG quality between 1 and 100, e.g. 80.");
        }

        if (CaptureMode is { } mode && (mode.Width <= 0 || mode.Height <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(CaptureMode), mode, "Use a positive capture mode such as 1920x1080, or null.");
        }

        if (MaxJitter < TimeSpan.Zero || DropProbability is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(DropProbability), "Jitter must not be negative and the drop probability must be in [0, 1).");
        }
    }
}
