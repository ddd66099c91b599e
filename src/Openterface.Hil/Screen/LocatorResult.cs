using System.Drawing;

namespace Openterface.Hil;

/// <summary>What evaluating a locator on one frame found.</summary>
internal sealed record LocatorResult(
    bool Found,
    Rectangle Bounds,
    Point ClickPoint,
    string Summary,
    double? Score = null,
    double? Threshold = null,
    string? Text = null,
    NeedleMatch? Match = null)
{
    public static LocatorResult Missing(string summary, NeedleMatch? match = null) =>
        new(false, Rectangle.Empty, Point.Empty, summary, match?.Score, match?.Threshold, null, match);

    public static Point Centre(Rectangle r) => new(r.X + (r.Width / 2), r.Y + (r.Height / 2));
}

/// <summary>The vision seams a locator evaluates with.</summary>
internal sealed record VisionContext(INeedleVision Needles, ITextVision Text);
