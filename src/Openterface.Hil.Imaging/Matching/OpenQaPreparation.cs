using System.Drawing;
using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Imaging;

/// <summary>
/// openQA's image preparation (os-autoinst tinycv): exclude areas painted over with pure green (BGR 0,255,0) on both
/// the screen and the needle image, then grey, then a 3x3 Gaussian with OpenCV's default border. Blurring a region
/// grown by one pixel and keeping its interior gives exactly the pixels of a whole-image blur.
/// </summary>
internal static class OpenQaPreparation
{
    /// <summary>Grey value of openQA's green exclude paint on a grey capture (BT.601 luma of 0,255,0).</summary>
    private const byte GreenAsGrey = 150;

    /// <summary>The needle image with its exclude areas painted, grey and blurred (whole image).</summary>
    internal static Frame PrepareNeedle(Frame colour, IReadOnlyList<NeedleArea> areas)
    {
        using var painted = colour.Crop(colour.Bounds);
        Paint(painted, areas);
        return GreyBlurred(painted, painted.Bounds).Grey;
    }

    /// <summary>A copy of <paramref name="frame"/> with the needle's exclude areas painted, or null when it has none inside.</summary>
    internal static Frame? PaintedScene(Frame frame, IReadOnlyList<NeedleArea> areas)
    {
        if (!areas.Any(a => a.Type == NeedleAreaType.Exclude && Fits(frame, a.Bounds)))
        {
            return null;
        }

        var painted = frame.Crop(frame.Bounds).WithInfoFrom(frame);
        Paint(painted, areas);
        return painted;
    }

    /// <summary>
    /// Grey, blurred pixels of <paramref name="region"/>, computed on the region grown by one pixel (clipped to the
    /// frame); returns the grown frame and where <paramref name="region"/> starts inside it.
    /// </summary>
    internal static (Frame Grey, Point Origin) GreyBlurred(Frame frame, Rectangle region)
    {
        var grown = Rectangle.Intersect(Rectangle.Inflate(region, 1, 1), frame.Bounds);
        var grey = Frame.Allocate(grown.Width, grown.Height, PixelFormat.Gray8);
        HilCvNative.Check(HilCvNative.GreyBlur3(frame.View(grown), grey.View()), "Preparing grey pixels (openQA)");
        return (grey, new Point(region.X - grown.X, region.Y - grown.Y));
    }

    /// <summary>openQA skips (does not clip) an exclude area reaching outside the image.</summary>
    private static bool Fits(Frame frame, Rectangle r) =>
        r.Width > 0 && r.Height > 0 && r.X >= 0 && r.Y >= 0 && r.Right <= frame.Width && r.Bottom <= frame.Height;

    private static void Paint(Frame frame, IReadOnlyList<NeedleArea> areas)
    {
        var pixels = frame.WritablePixels;
        var channels = frame.Channels;
        foreach (var area in areas)
        {
            if (area.Type != NeedleAreaType.Exclude || !Fits(frame, area.Bounds))
            {
                continue;
            }

            var r = area.Bounds;
            for (var y = r.Top; y < r.Bottom; y++)
            {
                var row = pixels.Slice((y * frame.Stride) + (r.X * channels), r.Width * channels);
                if (channels == 1)
                {
                    row.Fill(GreenAsGrey);
                    continue;
                }

                for (var x = 0; x < row.Length; x += 3)
                {
                    row[x] = 0;
                    row[x + 1] = 255;
                    row[x + 2] = 0;
                }
            }
        }
    }
}
