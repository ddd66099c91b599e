using System.Drawing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Imaging;

/// <summary>
/// Scores of a needle at every offset of an <see cref="OffsetWindow"/>: for each offset, the smallest margin
/// (area score minus area threshold) over all match areas, so a value >= 0 means every area matches at that common
/// offset (openQA semantics). Grey areas use OpenCV's TM_CCOEFF_NORMED; flat areas (no texture to correlate) use
/// a difference score. Buffers are pinned and reused: computing a map allocates nothing managed.
/// </summary>
internal sealed unsafe class ScoreMap
{
    private const int SqDiff = 0;
    private const int CcoeffNormed = 5;

    /// <summary>Root-mean-square grey difference at which a flat area's score falls to 0.</summary>
    private const double FlatRmsRange = 64.0;

    private float[] _combined = [];
    private float[] _area = [];

    internal OffsetWindow Window { get; private set; }

    internal Span<float> Values => _combined.AsSpan(0, Window.Count);

    internal static double Threshold(AreaTemplate template, MatchOptions options) =>
        template.Area.MatchPercent is { } percent ? percent / 100.0 : options.DefaultThreshold;

    internal void Compute(Frame image, int level, IReadOnlyList<AreaTemplate> templates, MatchOptions options, OffsetWindow window)
    {
        Window = window;
        Ensure(ref _combined, window.Count);
        Ensure(ref _area, window.Count);
        var combined = Values;
        for (var i = 0; i < templates.Count; i++)
        {
            var template = templates[i];
            var threshold = (float)Threshold(template, options);
            var scores = Score(image, level, template, window);
            for (var j = 0; j < scores.Length; j++)
            {
                var margin = scores[j] - threshold;
                combined[j] = i == 0 ? margin : Math.Min(combined[j], margin);
            }
        }
    }

    /// <summary>The grey score of one area at one full-resolution offset.</summary>
    internal double ScoreAt(Frame image, AreaTemplate template, Point offset) =>
        Score(image, 0, template, new OffsetWindow(offset.X, offset.Y, 1, 1))[0];

    /// <summary>Index of the largest value (OpenCV's vectorised minMaxLoc over the pinned buffer).</summary>
    internal int ArgMax()
    {
        var data = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_combined));
        var stride = Window.Width * sizeof(float);
        HilCvNative.Check(
            HilCvNative.MinMaxLoc(data, Window.Width, Window.Height, stride, out _, out _, out _, out _, out var x, out var y),
            "Finding the best score");
        return (y * Window.Width) + x;
    }

    /// <summary>Indices of local maxima (3x3) with a value of at least <paramref name="minimum"/>.</summary>
    internal void LocalMaxima(float minimum, List<int> into)
    {
        into.Clear();
        var values = Values;
        int width = Window.Width, height = Window.Height;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var v = values[(y * width) + x];
                if (v >= minimum && IsPeak(values, width, height, x, y, v))
                {
                    into.Add((y * width) + x);
                }
            }
        }
    }

    /// <summary>Up to <paramref name="count"/> best offsets at least <paramref name="radius"/> apart (destroys the map).</summary>
    internal void TopPeaks(int count, int radius, List<(Point Offset, float Value)> into)
    {
        into.Clear();
        var values = Values;
        int width = Window.Width, height = Window.Height;
        for (var k = 0; k < count; k++)
        {
            var best = ArgMax();
            if (float.IsNegativeInfinity(values[best]))
            {
                return;
            }

            into.Add((Window.At(best), values[best]));
            int bx = best % width, by = best / width;
            for (var y = Math.Max(0, by - radius); y <= Math.Min(height - 1, by + radius); y++)
            {
                values.Slice((y * width) + Math.Max(0, bx - radius), Math.Min(width - 1, bx + radius) - Math.Max(0, bx - radius) + 1)
                    .Fill(float.NegativeInfinity);
            }
        }
    }

    private static bool IsPeak(Span<float> values, int width, int height, int x, int y, float v)
    {
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                int nx = x + dx, ny = y + dy;
                if ((dx != 0 || dy != 0) && nx >= 0 && ny >= 0 && nx < width && ny < height && values[(ny * width) + nx] > v)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private Span<float> Score(Frame image, int level, AreaTemplate template, OffsetWindow window)
    {
        Ensure(ref _area, window.Count);
        var (grey, mask) = template.Level(level);
        var region = new Rectangle(
            (template.Bounds.X >> level) + window.X0,
            (template.Bounds.Y >> level) + window.Y0,
            grey.Width + window.Width - 1,
            grey.Height + window.Height - 1);
        var result = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_area));
        var method = template.IsFlat ? SqDiff : CcoeffNormed;
        int rc;
        if (mask is null)
        {
            rc = HilCvNative.MatchTemplateMasked(image.View(region), grey.View(), null, method, result, window.Width * sizeof(float));
        }
        else
        {
            var maskView = mask.View();
            rc = HilCvNative.MatchTemplateMasked(image.View(region), grey.View(), &maskView, method, result, window.Width * sizeof(float));
        }

        HilCvNative.Check(rc, "Template matching");
        var scores = _area.AsSpan(0, window.Count);
        var counted = template.IsFlat ? CountedPixels(grey, mask) : 0;
        for (var j = 0; j < scores.Length; j++)
        {
            var s = scores[j];
            scores[j] = template.IsFlat
                ? (float)Math.Max(0.0, 1.0 - (Math.Sqrt(Math.Max(0f, s) / counted) / FlatRmsRange))
                : ValidCorrelation(s);
        }

        return scores;
    }

    /// <summary>
    /// OpenCV's masked TM_CCOEFF_NORMED divides by (nearly) zero on flat regions and returns infinities or values far
    /// above 1; a correlation cannot exceed 1, so those count as no match instead of a perfect one.
    /// </summary>
    private static float ValidCorrelation(float s) => float.IsFinite(s) && s <= 1.001f ? Math.Max(s, -1f) : -1f;

    private static int CountedPixels(Frame grey, Frame? mask)
    {
        if (mask is null)
        {
            return grey.Width * grey.Height;
        }

        var count = 0;
        foreach (var b in mask.Pixels)
        {
            count += b != 0 ? 1 : 0;
        }

        return Math.Max(1, count);
    }

    private static void Ensure(ref float[] buffer, int count)
    {
        if (buffer.Length < count)
        {
            buffer = GC.AllocateUninitializedArray<float>(Math.Max(count, buffer.Length * 2), pinned: true);
        }
    }
}
