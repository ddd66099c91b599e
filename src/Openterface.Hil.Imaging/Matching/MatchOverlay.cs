using System.Drawing;
using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Imaging;

/// <summary>Pictures for reports: the frame with the match drawn on it, and the needle next to what was seen.</summary>
public static class MatchOverlay
{
    private static readonly (byte B, byte G, byte R) Green = (0, 200, 0);
    private static readonly (byte B, byte G, byte R) Red = (0, 0, 230);
    private const int Gap = 8;

    /// <summary>A BGR copy of <paramref name="frame"/> with the match (green) or the best miss (red) outlined and the click point marked.</summary>
    public static Frame Draw(Frame frame, MatchResult result)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(result);
        var copy = frame.Format == PixelFormat.Bgr24 ? frame.Crop(frame.Bounds) : frame.ToBgr();
        if (result.Bounds.IsEmpty)
        {
            return copy;
        }

        var colour = result.Found ? Green : Red;
        var box = Rectangle.Intersect(result.Bounds, copy.Bounds);
        for (var t = 0; t < 3; t++)
        {
            Outline(copy, Rectangle.Inflate(box, t, t), colour);
        }

        if (result.Found)
        {
            var p = result.ClickPoint;
            FillRect(copy, new Rectangle(p.X - 6, p.Y - 1, 13, 3), colour);
            FillRect(copy, new Rectangle(p.X - 1, p.Y - 6, 3, 13), colour);
        }

        return copy;
    }

    /// <summary>
    /// One row per match area: the needle's pixels, the pixels at the candidate position, and their difference
    /// (bright red where they differ).
    /// </summary>
    public static Frame Diff(Frame frame, Needle needle, MatchResult result)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(needle);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Bounds.IsEmpty)
        {
            throw new ArgumentException($"Result for '{result.NeedleName}' has no candidate position to compare ({result.Reason}).", nameof(result));
        }

        using var colour = frame.ToBgr();
        var templates = needle.Templates;
        var width = (templates.Max(t => t.Bounds.Width) * 3) + (Gap * 2);
        var height = templates.Sum(t => t.Bounds.Height) + (Gap * (templates.Count - 1));
        var canvas = Frame.Allocate(width, height, PixelFormat.Bgr24);
        canvas.WritablePixels.Fill(64);
        var y = 0;
        for (var i = 0; i < templates.Count; i++)
        {
            var t = templates[i];
            var seenAt = i < result.Areas.Count
                ? result.Areas[i].Bounds // each area is found on its own (openQA)
                : t.Bounds with { X = t.Bounds.X + result.Offset.X, Y = t.Bounds.Y + result.Offset.Y };
            seenAt.Intersect(colour.Bounds);
            if (seenAt.Size != t.Bounds.Size)
            {
                continue;
            }

            var w = t.Bounds.Width;
            var h = t.Bounds.Height;
            Copy(t.Colour, t.Colour.Bounds, canvas, new Point(0, y));
            Copy(colour, seenAt, canvas, new Point(w + Gap, y));
            HilCvNative.Check(
                HilCvNative.DiffImage(t.Colour.View(), colour.View(seenAt), canvas.View(new Rectangle((w + Gap) * 2, y, w, h))),
                "Drawing the difference");
            y += h + Gap;
        }

        return canvas;
    }

    private static void Copy(Frame source, Rectangle from, Frame target, Point to)
    {
        var rowBytes = from.Width * 3;
        for (var row = 0; row < from.Height; row++)
        {
            source.Pixels.Slice(((from.Y + row) * source.Stride) + (from.X * 3), rowBytes)
                .CopyTo(target.WritablePixels.Slice(((to.Y + row) * target.Stride) + (to.X * 3), rowBytes));
        }
    }

    private static void Outline(Frame frame, Rectangle r, (byte B, byte G, byte R) colour)
    {
        FillRect(frame, r with { Height = 1 }, colour);
        FillRect(frame, r with { Y = r.Bottom - 1, Height = 1 }, colour);
        FillRect(frame, r with { Width = 1 }, colour);
        FillRect(frame, r with { X = r.Right - 1, Width = 1 }, colour);
    }

    private static void FillRect(Frame frame, Rectangle r, (byte B, byte G, byte R) colour)
    {
        r.Intersect(frame.Bounds);
        var pixels = frame.WritablePixels;
        for (var y = r.Top; y < r.Bottom; y++)
        {
            var row = pixels.Slice((y * frame.Stride) + (r.X * 3), r.Width * 3);
            for (var x = 0; x < row.Length; x += 3)
            {
                row[x] = colour.B;
                row[x + 1] = colour.G;
                row[x + 2] = colour.R;
            }
        }
    }
}
