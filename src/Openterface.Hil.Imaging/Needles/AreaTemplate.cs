using System.Drawing;

namespace Openterface.Hil.Imaging;

/// <summary>
/// Pixels of one match area, prepared once when the needle is loaded: the colour crop (stb-tester templates, diff
/// images), the mask (a template's opaque pixels; null = every pixel counts) and, for openQA needles, the grey crop
/// of the needle image after openQA's preparation (exclude areas painted, grey, 3x3 Gaussian over the whole image,
/// so area borders see their real neighbours). Immutable.
/// </summary>
internal sealed class AreaTemplate
{
    internal AreaTemplate(NeedleArea area, Frame colour, Frame? mask, Frame? openQaGrey)
    {
        Area = area;
        Colour = colour;
        Mask = mask;
        OpenQaGrey = openQaGrey;
        OpaquePixels = mask is null ? colour.Width * colour.Height : CountOpaque(mask);
    }

    internal NeedleArea Area { get; }

    internal Rectangle Bounds => Area.Bounds;

    internal Frame Colour { get; }

    /// <summary>255 where the pixel counts, 0 where it is ignored; null when every pixel counts.</summary>
    internal Frame? Mask { get; }

    internal Frame? OpenQaGrey { get; }

    internal int OpaquePixels { get; }

    private static int CountOpaque(Frame mask)
    {
        var count = 0;
        foreach (var b in mask.Pixels)
        {
            count += b == 255 ? 1 : 0;
        }

        return count;
    }
}
