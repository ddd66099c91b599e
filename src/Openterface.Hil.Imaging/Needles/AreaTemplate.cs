using System.Drawing;
using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Imaging;

/// <summary>
/// Pixels of one match area cut from the needle image, prepared once: the colour crop (for the colour check and
/// diff images), the grey crop, a mask when exclude areas overlap it, its mean colour, and a grey pyramid built on
/// first use. Immutable after construction apart from the lazily built pyramid.
/// </summary>
internal sealed class AreaTemplate
{
    private readonly Lock _pyramidLock = new();
    private readonly List<(Frame Grey, Frame? Mask)> _levels = [];

    internal AreaTemplate(NeedleArea area, Frame colour, Frame grey, Frame? mask)
    {
        Area = area;
        Colour = colour;
        _levels.Add((grey, mask));
        MeanColour = Statistics.Mean(colour, mask);
        var (_, std) = Statistics.MeanStd(grey, mask);
        IsFlat = std < FlatStdDev;
    }

    /// <summary>Below this grey standard deviation correlation is meaningless; the area is scored by its difference instead.</summary>
    internal const double FlatStdDev = 2.0;

    internal NeedleArea Area { get; }

    internal Rectangle Bounds => Area.Bounds;

    internal Frame Colour { get; }

    internal Frame Grey => _levels[0].Grey;

    internal Frame? Mask => _levels[0].Mask;

    internal (double B, double G, double R) MeanColour { get; }

    internal bool IsFlat { get; }

    /// <summary>The grey template and mask at pyramid level <paramref name="level"/> (0 = full resolution).</summary>
    internal (Frame Grey, Frame? Mask) Level(int level)
    {
        lock (_pyramidLock)
        {
            while (_levels.Count <= level)
            {
                var (grey, mask) = _levels[^1];
                _levels.Add((Halve(grey), mask is null ? null : HalveMask(mask)));
            }

            return _levels[level];
        }
    }

    /// <summary>Size at pyramid level <paramref name="level"/> without building it.</summary>
    internal static Size SizeAt(Size size, int level)
    {
        for (var i = 0; i < level; i++)
        {
            size = new Size((size.Width + 1) / 2, (size.Height + 1) / 2);
        }

        return size;
    }

    internal static Frame Halve(Frame source)
    {
        var half = Frame.Allocate((source.Width + 1) / 2, (source.Height + 1) / 2, source.Format);
        HilCvNative.Check(HilCvNative.PyrDown(source.View(), half.View()), "Building a pyramid level");
        return half;
    }

    private static Frame HalveMask(Frame mask)
    {
        var half = Halve(mask);
        var pixels = half.WritablePixels;
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = pixels[i] >= 255 ? (byte)255 : (byte)0; // any excluded pixel nearby excludes the coarse pixel
        }

        return half;
    }
}
