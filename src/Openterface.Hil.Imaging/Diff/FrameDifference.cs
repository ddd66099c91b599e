using System.Drawing;

namespace Openterface.Hil.Imaging;

/// <summary>How much two frames differ: changed pixels (above the noise threshold) and where.</summary>
public sealed record FrameDifference(double ChangedFraction, int ChangedPixels, Rectangle ChangedBounds)
{
    /// <summary>The largest changing area (both sides, pixels) that still counts as a still screen: a blinking text cursor is 9x16.</summary>
    public const int CursorSize = 16;

    /// <summary>
    /// True when nothing changed, or everything that changed fits in a <paramref name="maxChangeSize"/>-pixel square
    /// (a blinking cursor), so "still" is decided despite the cursor.
    /// </summary>
    public bool IsStill(int maxChangeSize = CursorSize) =>
        ChangedPixels == 0 || (ChangedBounds.Width <= maxChangeSize && ChangedBounds.Height <= maxChangeSize);

    /// <summary>True when at least <paramref name="minFraction"/> of the pixels changed (default: any change beyond a cursor).</summary>
    public bool IsChanged(double minFraction = 0) => !IsStill() && ChangedFraction >= minFraction;
}
