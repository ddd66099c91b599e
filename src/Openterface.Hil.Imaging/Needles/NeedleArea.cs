using System.Drawing;

namespace Openterface.Hil.Imaging;

/// <summary>
/// One area of a needle, in the needle image's coordinates. <paramref name="MatchPercent"/> is openQA's per-area
/// "match" value (percent; null = <see cref="MatchOptions.DefaultThreshold"/>); <paramref name="ClickPoint"/> is
/// relative to the area's top-left corner.
/// </summary>
public sealed record NeedleArea(Rectangle Bounds, NeedleAreaType Type, double? MatchPercent, Point? ClickPoint)
{
    /// <summary>Search margin in pixels for this area (openQA's per-area "margin"); null = the needle's or the options' margin.</summary>
    public int? Margin { get; init; }
}
