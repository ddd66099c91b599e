using System.Drawing;

namespace Openterface.Hil.Imaging;

/// <summary>
/// A rectangle of candidate offsets (dx, dy) of a whole needle from its recorded position, at one pyramid level.
/// Every match area shifted by any offset in the window lies inside the frame.
/// </summary>
internal readonly record struct OffsetWindow(int X0, int Y0, int Width, int Height)
{
    internal bool IsEmpty => Width <= 0 || Height <= 0;

    internal int Count => Width * Height;

    internal Point At(int index) => new(X0 + (index % Width), Y0 + (index / Width));

    /// <summary>
    /// The offsets keeping every area inside a <paramref name="frame"/>-sized level; with <paramref name="margin"/>,
    /// also within +-margin (each area's own "margin" when its JSON has one).
    /// </summary>
    internal static OffsetWindow For(IReadOnlyList<AreaTemplate> templates, int level, Size frame, int? margin)
    {
        int x0 = int.MinValue, y0 = int.MinValue, x1 = int.MaxValue, y1 = int.MaxValue;
        foreach (var t in templates)
        {
            var size = AreaTemplate.SizeAt(t.Bounds.Size, level);
            var ax = t.Bounds.X >> level;
            var ay = t.Bounds.Y >> level;
            x0 = Math.Max(x0, -ax);
            y0 = Math.Max(y0, -ay);
            x1 = Math.Min(x1, frame.Width - ax - size.Width);
            y1 = Math.Min(y1, frame.Height - ay - size.Height);
            if (margin is { } defaultMargin)
            {
                var m = (t.Area.Margin ?? defaultMargin) >> level;
                x0 = Math.Max(x0, -m);
                y0 = Math.Max(y0, -m);
                x1 = Math.Min(x1, m);
                y1 = Math.Min(y1, m);
            }
        }

        return new OffsetWindow(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    /// <summary>This window clipped to +-radius around <paramref name="centre"/>.</summary>
    internal OffsetWindow Around(Point centre, int radius)
    {
        var x0 = Math.Max(X0, centre.X - radius);
        var y0 = Math.Max(Y0, centre.Y - radius);
        var x1 = Math.Min(X0 + Width - 1, centre.X + radius);
        var y1 = Math.Min(Y0 + Height - 1, centre.Y + radius);
        return new OffsetWindow(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }
}
