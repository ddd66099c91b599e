using System.Drawing;
using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Imaging;

/// <summary>
/// Screen change and stillness: both frames are reduced to grey and smoothed (3x3 Gaussian), then pixels whose
/// difference exceeds a threshold chosen above capture noise count as changed, outside ignored rectangles (clocks,
/// spinners). Grey, because JPEG's 4:2:0 chroma subsampling moves colour channels by 100+ at coloured text edges
/// while the luma stays within a few levels (see the FrameDiff tests).
/// </summary>
public static class FrameDiff
{
    /// <summary>Grey difference (0..255) that counts as a change; JPEG q75-q85 noise on text screens stays below it.</summary>
    public const int DefaultThreshold = 32;

    public static FrameDifference Compare(Frame a, Frame b, IReadOnlyList<Rectangle>? ignore = null) =>
        Compare(a, b, ignore, DefaultThreshold);

    public static unsafe FrameDifference Compare(Frame a, Frame b, IReadOnlyList<Rectangle>? ignore, int threshold)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 254);
        if (a.Width != b.Width || a.Height != b.Height)
        {
            throw new ImagingException(
                $"Cannot compare a {a.Width}x{a.Height} frame with a {b.Width}x{b.Height} frame: the capture mode changed. " +
                "Compare frames of one video mode.");
        }

        using var first = Smoothing.GreySmoothed(a);
        using var second = Smoothing.GreySmoothed(b);
        var count = ignore?.Count ?? 0;
        var rects = count <= 16 ? stackalloc int[count * 4] : new int[count * 4];
        for (var i = 0; i < count; i++)
        {
            var r = ignore![i];
            rects[i * 4] = r.X;
            rects[(i * 4) + 1] = r.Y;
            rects[(i * 4) + 2] = r.Width;
            rects[(i * 4) + 3] = r.Height;
        }

        NativeLibraries.EnsureHilCv();
        long changed;
        int x, y, w, h;
        fixed (int* pointer = rects)
        {
            HilCvNative.Check(
                HilCvNative.FrameDiff(first.View(), second.View(), threshold, pointer, count, out changed, out x, out y, out w, out h),
                "Comparing frames");
        }

        return new FrameDifference((double)changed / ((long)a.Width * a.Height), (int)changed, new Rectangle(x, y, w, h));
    }
}
