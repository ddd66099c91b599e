using System.Drawing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Imaging;

/// <summary>
/// A shortcut for a wide openQA search (the end of a wait, margin up to 1024) that can only ever give the place the
/// full TM_SQDIFF map gives, or give up. A quarter-resolution search PROPOSES a place; nothing is decided there.
/// Every place of the box is then bounded from below with block sums of an integral image (Cauchy-Schwarz:
/// sum over a block of d^2 >= (sum of d)^2 / pixels), coarse blocks first, finer blocks for the places still in
/// question, and the exact integer sum of squared differences for the last ones. The answer is a place only when it is
/// PROVEN to be the one place within 10 (os-autoinst's tie band) plus twice the float error of OpenCV's map of the
/// minimum: then the full map's scan keeps that place alone (whatever the recorded place's error), so the full search
/// would choose it too. Otherwise (near-ties, repeated content, flat needles, too many places left) it returns null
/// and the caller runs the full-resolution search as before.
/// </summary>
internal sealed unsafe class ProvenMinimum
{
    /// <summary>Below this many places the full map is cheap: no shortcut.</summary>
    internal const int MinPlaces = 40_000;

    /// <summary>Relative bound of OpenCV's float TM_SQDIFF error (DFT correlation; checked with a 10x margin by a test).</summary>
    internal const double ErrorFactor = 1e-4;

    private const int SqDiff = 0;
    private const long MaxExactPixels = 4_000_000;

    /// <summary>Mean squared difference at the best proposed place above which the shortcut does not try (a speed choice only: giving up is always safe).</summary>
    private const int MaxProposedMeanSquare = 100;

    /// <summary>Block sums a finer level may cost before the shortcut gives up (the bounds are too weak: usually a miss).</summary>
    private const long MaxBlockSums = 1_000_000;
    private static readonly int[] Grids = [2, 4, 8, 16, 32, 64];

    private int[] _integral = [];
    private int[] _places = [];
    private long[] _exact = [];
    private readonly double[] _blockSums = new double[64 * 64];
    private readonly double[] _blockAreas = new double[64 * 64];
    private float[] _coarse = [];

    /// <summary>How many decisions took the shortcut and how many gave up (for the equivalence tests).</summary>
    internal long Proven { get; private set; }

    internal long GaveUp { get; private set; }

    /// <summary>Bound of |OpenCV's float TM_SQDIFF - exact SSD| for a box of energy <paramref name="boxEnergy"/> and a template of energy <paramref name="templateEnergy"/>.</summary>
    internal static double ErrorBound(double boxEnergy, double templateEnergy) =>
        (ErrorFactor * Math.Sqrt(boxEnergy * templateEnergy)) + (1e-6 * (boxEnergy + templateEnergy)) + 1;

    /// <summary>
    /// The place (in <paramref name="roi"/> coordinates) the full TM_SQDIFF search of <paramref name="template"/>
    /// over <paramref name="roi"/> of <paramref name="grey"/> would choose, or null when that cannot be proven cheaply.
    /// </summary>
    internal Point? Find(Frame grey, Rectangle roi, Frame template, Point recorded)
    {
        int tw = template.Width, th = template.Height;
        int w = roi.Width - tw + 1, h = roi.Height - th + 1;
        if ((long)w * h < MinPlaces || tw < 8 || th < 8 || (long)roi.Width * roi.Height * 255 > int.MaxValue)
        {
            return null;
        }

        var found = Search(grey, roi, template, recorded, w, h);
        if (found is null)
        {
            GaveUp++;
        }
        else
        {
            Proven++;
        }

        return found;
    }

    /// <summary>Exact sum of squared differences of <paramref name="template"/> at <paramref name="at"/> (roi coordinates).</summary>
    internal static long ExactSsd(Frame grey, Rectangle roi, Frame template, Point at)
    {
        long total = 0;
        var scene = grey.Pixels;
        var pattern = template.Pixels;
        int tw = template.Width;
        for (var y = 0; y < template.Height; y++)
        {
            var a = scene.Slice(((roi.Y + at.Y + y) * grey.Stride) + roi.X + at.X, tw);
            var b = pattern.Slice(y * template.Stride, tw);
            total += RowSsd(a, b);
        }

        return total;
    }

    private Point? Search(Frame grey, Rectangle roi, Frame template, Point recorded, int w, int h)
    {
        int tw = template.Width, th = template.Height, stride = roi.Width + 1;
        var best = ExactSsd(grey, roi, template, recorded);
        if (best > 0)
        {
            best = Math.Min(best, ExactSsd(grey, roi, template, Propose(grey, roi, template, w, h))); // 0 cannot be beaten
        }

        if (best > (long)MaxProposedMeanSquare * tw * th)
        {
            return null; // nothing close: most likely a miss, where the bounds stay weak; not worth trying
        }

        var boxEnergy = BuildIntegral(grey, roi);
        long templateSum = 0, templateEnergy = 0;
        var pattern = template.Pixels;
        for (var y = 0; y < th; y++)
        {
            foreach (var p in pattern.Slice(y * template.Stride, tw))
            {
                templateSum += p;
                templateEnergy += p * p;
            }
        }

        var error = ErrorBound(boxEnergy, templateEnergy);

        double Band() => best + 10 + (2 * error);

        // Level 0: one block (the whole template), every place: (S - St)^2 / n <= band  <=>  |S - St| <= isqrt(floor(band n)).
        Ensure(ref _places, w * h);
        var integral = _integral;
        var count = LevelZero(w, h, tw, th, stride, templateSum, Band() * tw * th);

        // Finer blocks for the places still in question.
        Span<int> xs = stackalloc int[65];
        Span<int> ys = stackalloc int[65];
        var sums = _blockSums;
        var areas = _blockAreas;
        foreach (var grid in Grids)
        {
            if (tw / grid < 2 || th / grid < 2)
            {
                break;
            }

            if ((long)count * grid * grid > MaxBlockSums)
            {
                return null;
            }

            for (var k = 0; k <= grid; k++)
            {
                xs[k] = k * tw / grid;
                ys[k] = k * th / grid;
            }

            TemplateBlocks(template, grid, xs, ys, sums, areas);
            var band = Band();
            var kept = 0;
            for (var i = 0; i < count; i++)
            {
                var place = _places[i];
                int x = place % w, y = place / w;
                double bound = 0;
                for (var by = 0; by < grid && bound <= band; by++)
                {
                    var top = (y + ys[by]) * stride;
                    var bottom = (y + ys[by + 1]) * stride;
                    for (var bx = 0; bx < grid; bx++)
                    {
                        int left = x + xs[bx], right = x + xs[bx + 1];
                        double d = integral[bottom + right] - integral[top + right] - integral[bottom + left] + integral[top + left] - sums[(by * grid) + bx];
                        bound += d * d / areas[(by * grid) + bx];
                    }
                }

                if (bound <= band)
                {
                    _places[kept++] = place;
                }
            }

            count = kept;
        }

        if ((long)count * tw * th > MaxExactPixels)
        {
            return null;
        }

        // Exact sums for the last places; the proof needs exactly one place within the band of the minimum.
        Ensure(ref _exact, count);
        var exact = _exact;
        for (var i = 0; i < count; i++)
        {
            var place = _places[i];
            exact[i] = ExactSsd(grey, roi, template, new Point(place % w, place / w));
            best = Math.Min(best, exact[i]);
        }

        var chosen = -1;
        for (var i = 0; i < count; i++)
        {
            if (exact[i] <= Band())
            {
                if (chosen >= 0)
                {
                    return null; // two places within the band: the full map's float noise decides, not a proof
                }

                chosen = _places[i];
            }
        }

        if (chosen < 0)
        {
            return null;
        }

        var at = new Point(chosen % w, chosen / w);
        if (at == recorded && best > 0 && best <= error)
        {
            return null; // the full map might read exactly 0 at the recorded place and score it 1.0 without the MSE
        }

        return at;
    }

    /// <summary>The places whose whole-template sum lies within isqrt(floor(<paramref name="limit"/>)) of the template's.</summary>
    private int LevelZero(int w, int h, int tw, int th, int stride, long templateSum, double limit)
    {
        var square = limit >= 4e18 ? long.MaxValue : (long)Math.Floor(limit);
        var radius = (long)Math.Sqrt(square);
        while (radius > 0 && radius * radius > square)
        {
            radius--;
        }

        while ((radius + 1) * (radius + 1) <= square && radius < int.MaxValue)
        {
            radius++;
        }

        var lo = (int)Math.Max(int.MinValue, templateSum - radius);
        var hi = (int)Math.Min(int.MaxValue, templateSum + radius);
        var integral = _integral;
        var places = _places;
        var count = 0;
        var low = Vector128.Create(lo);
        var high = Vector128.Create(hi);
        fixed (int* p = integral)
        {
            for (var y = 0; y < h; y++)
            {
                int* top = p + (y * stride), bottom = p + ((y + th) * stride);
                var x = 0;
                for (; x + 4 <= w; x += 4)
                {
                    var sum = Vector128.Load(bottom + x + tw) - Vector128.Load(top + x + tw) - Vector128.Load(bottom + x) + Vector128.Load(top + x);
                    var inside = Vector128.GreaterThanOrEqual(sum, low) & Vector128.LessThanOrEqual(sum, high);
                    var bits = inside.ExtractMostSignificantBits();
                    while (bits != 0)
                    {
                        places[count++] = (y * w) + x + System.Numerics.BitOperations.TrailingZeroCount(bits);
                        bits &= bits - 1;
                    }
                }

                for (; x < w; x++)
                {
                    var sum = bottom[x + tw] - top[x + tw] - bottom[x] + top[x];
                    if (sum >= lo && sum <= hi)
                    {
                        places[count++] = (y * w) + x;
                    }
                }
            }
        }

        return count;
    }

    /// <summary>Integral image of the roi (int: <see cref="Find"/> refuses boxes whose sum could overflow) and the box energy.</summary>
    private double BuildIntegral(Frame grey, Rectangle roi)
    {
        int stride = roi.Width + 1;
        Ensure(ref _integral, stride * (roi.Height + 1));
        Array.Clear(_integral, 0, stride);
        long energy = 0;
        fixed (byte* scene = grey.Pixels)
        fixed (int* integral = _integral)
        {
            for (var y = 0; y < roi.Height; y++)
            {
                var row = scene + ((roi.Y + y) * grey.Stride) + roi.X;
                var above = integral + (y * stride) + 1;
                var here = above + stride;
                here[-1] = 0;
                int running = 0, rowEnergy = 0;
                for (var x = 0; x < roi.Width; x++)
                {
                    int p = row[x];
                    running += p;
                    rowEnergy += p * p;
                    here[x] = above[x] + running;
                }

                energy += rowEnergy;
            }
        }

        return energy;
    }

    private static void TemplateBlocks(Frame template, int grid, Span<int> xs, Span<int> ys, Span<double> sums, Span<double> areas)
    {
        var pattern = template.Pixels;
        for (var by = 0; by < grid; by++)
        {
            for (var bx = 0; bx < grid; bx++)
            {
                long sum = 0;
                for (var y = ys[by]; y < ys[by + 1]; y++)
                {
                    foreach (var p in pattern.Slice((y * template.Stride) + xs[bx], xs[bx + 1] - xs[bx]))
                    {
                        sum += p;
                    }
                }

                sums[(by * grid) + bx] = sum;
                areas[(by * grid) + bx] = (xs[bx + 1] - xs[bx]) * (ys[by + 1] - ys[by]);
            }
        }
    }

    /// <summary>The best place of a quarter-resolution TM_SQDIFF search, scaled back (a proposal only, never a decision).</summary>
    private Point Propose(Frame grey, Rectangle roi, Frame template, int w, int h)
    {
        using var half = Frame.Allocate((roi.Width + 1) / 2, (roi.Height + 1) / 2, PixelFormat.Gray8);
        using var quarter = Frame.Allocate((half.Width + 1) / 2, (half.Height + 1) / 2, PixelFormat.Gray8);
        using var halfT = Frame.Allocate((template.Width + 1) / 2, (template.Height + 1) / 2, PixelFormat.Gray8);
        using var quarterT = Frame.Allocate((halfT.Width + 1) / 2, (halfT.Height + 1) / 2, PixelFormat.Gray8);
        HilCvNative.Check(HilCvNative.PyrDown(grey.View(roi), half.View()), "Proposal (pyrDown)");
        HilCvNative.Check(HilCvNative.PyrDown(half.View(), quarter.View()), "Proposal (pyrDown)");
        HilCvNative.Check(HilCvNative.PyrDown(template.View(), halfT.View()), "Proposal (pyrDown)");
        HilCvNative.Check(HilCvNative.PyrDown(halfT.View(), quarterT.View()), "Proposal (pyrDown)");
        int cw = quarter.Width - quarterT.Width + 1, ch = quarter.Height - quarterT.Height + 1;
        Ensure(ref _coarse, cw * ch);
        var result = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_coarse));
        HilCvNative.Check(HilCvNative.MatchTemplateMasked(quarter.View(), quarterT.View(), null, SqDiff, result, cw * sizeof(float)), "Proposal (TM_SQDIFF)");
        var values = _coarse.AsSpan(0, cw * ch);
        var at = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] < values[at])
            {
                at = i;
            }
        }

        // Refine at full resolution around the scaled-back place (still only a proposal).
        int cx = Math.Clamp((at % cw) * 4, 0, w - 1), cy = Math.Clamp((at / cw) * 4, 0, h - 1);
        var near = Rectangle.FromLTRB(Math.Max(0, cx - 4), Math.Max(0, cy - 4), Math.Min(w, cx + 5), Math.Min(h, cy + 5));
        var search = new Rectangle(roi.X + near.X, roi.Y + near.Y, near.Width + template.Width - 1, near.Height + template.Height - 1);
        var fine = stackalloc float[near.Width * near.Height];
        HilCvNative.Check(HilCvNative.MatchTemplateMasked(grey.View(search), template.View(), null, SqDiff, fine, near.Width * sizeof(float)), "Proposal (TM_SQDIFF)");
        var bestIndex = 0;
        for (var i = 1; i < near.Width * near.Height; i++)
        {
            if (fine[i] < fine[bestIndex])
            {
                bestIndex = i;
            }
        }

        return new Point(near.X + (bestIndex % near.Width), near.Y + (bestIndex / near.Width));
    }

    private static long RowSsd(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        long total = 0;
        var x = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var acc = Vector128<int>.Zero;
            for (; x + 16 <= a.Length; x += 16)
            {
                var (al, ah) = Vector128.Widen(Vector128.Create(a.Slice(x, 16)));
                var (bl, bh) = Vector128.Widen(Vector128.Create(b.Slice(x, 16)));
                var dl = Vector128.AsInt16(al) - Vector128.AsInt16(bl);
                var dh = Vector128.AsInt16(ah) - Vector128.AsInt16(bh);
                var (l0, l1) = Vector128.Widen(dl);
                var (h0, h1) = Vector128.Widen(dh);
                acc += (l0 * l0) + (l1 * l1) + (h0 * h0) + (h1 * h1);
            }

            total = Vector128.Sum(Vector128.WidenLower(acc) + Vector128.WidenUpper(acc));
        }

        for (; x < a.Length; x++)
        {
            var d = a[x] - b[x];
            total += d * d;
        }

        return total;
    }

    private static void Ensure<T>(ref T[] buffer, int count)
    {
        if (buffer.Length < count)
        {
            buffer = new T[Math.Max(count, buffer.Length * 2)];
        }
    }
}
