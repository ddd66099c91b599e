using System.Drawing;
using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>A fixed rectangle of the captured frame (frame pixels). Visible whenever it overlaps its scope.</summary>
internal sealed class RegionQuery : LocatorQuery
{
    public RegionQuery(Rectangle area, LocatorQuery? parent)
        : base(parent)
    {
        Area = area;
    }

    public Rectangle Area { get; }

    protected override string Self() => $"Region({Area.X},{Area.Y},{Area.Width},{Area.Height})";

    protected override string Noun() => $"region {Area.X},{Area.Y},{Area.Width},{Area.Height}";

    protected override ValueTask<LocatorResult> EvaluateInAsync(
        VisionContext vision, Frame frame, Rectangle scope, SearchScope search, double? threshold, double elapsedShare, CancellationToken cancellationToken)
    {
        var visible = Rectangle.Intersect(Area, scope);
        if (visible.Width <= 0 || visible.Height <= 0)
        {
            return ValueTask.FromResult(LocatorResult.Missing($"region outside the {frame.Width}x{frame.Height} frame"));
        }

        return ValueTask.FromResult(new LocatorResult(true, visible, LocatorResult.Centre(visible), $"region {visible.X},{visible.Y},{visible.Width},{visible.Height}"));
    }
}
