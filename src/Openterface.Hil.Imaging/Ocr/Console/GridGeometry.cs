using System.Drawing;

namespace Openterface.Hil.Imaging.Ocr;

/// <summary>
/// A text-mode cell grid anchored at the frame's top-left corner: cells of <see cref="CellWidth"/> x
/// <see cref="CellHeight"/> native pixels, each native pixel <see cref="ScaleX"/> x <see cref="ScaleY"/> frame pixels.
/// </summary>
internal readonly record struct GridGeometry(int CellWidth, int CellHeight, double ScaleX, double ScaleY, int Columns, int Rows)
{
    internal double PitchX => CellWidth * ScaleX;

    internal double PitchY => CellHeight * ScaleY;

    /// <summary>Cells whose centre lies inside <paramref name="region"/> (columns c0..c1, rows r0..r1, inclusive; empty when c1 &lt; c0).</summary>
    internal (int C0, int R0, int C1, int R1) CellsIn(Rectangle region) =>
        (Math.Max(0, (int)Math.Ceiling((region.X / PitchX) - 0.5)),
         Math.Max(0, (int)Math.Ceiling((region.Y / PitchY) - 0.5)),
         Math.Min(Columns - 1, (int)Math.Ceiling((region.Right / PitchX) - 0.5) - 1),
         Math.Min(Rows - 1, (int)Math.Ceiling((region.Bottom / PitchY) - 0.5) - 1));

    /// <summary>The frame rectangle of columns c0..c1 in row r0..r1.</summary>
    internal Rectangle Bounds(int c0, int r0, int c1, int r1)
    {
        var x = (int)Math.Round(c0 * PitchX);
        var y = (int)Math.Round(r0 * PitchY);
        return Rectangle.FromLTRB(x, y, (int)Math.Round((c1 + 1) * PitchX), (int)Math.Round((r1 + 1) * PitchY));
    }

    /// <summary>
    /// Grids worth trying for a frame: the classic text modes (720x400, 640x400, 640x350, 640x480, 720x350,
    /// 360x400, 320x200) stretched to the frame, and whole-number scales 1..3 of a framebuffer console.
    /// </summary>
    internal static IEnumerable<(double ScaleX, double ScaleY, bool TextMode)> Scales(int frameWidth, int frameHeight)
    {
        (int W, int H)[] modes = [(720, 400), (640, 400), (640, 350), (640, 480), (720, 350), (360, 400), (320, 200)];
        var seen = new HashSet<(int, int)>();
        foreach (var (w, h) in modes)
        {
            var scale = ((double)frameWidth / w, (double)frameHeight / h);
            if (Plausible(scale) && seen.Add(Key(scale)))
            {
                yield return (scale.Item1, scale.Item2, true);
            }
        }

        for (var k = 1; k <= 3; k++)
        {
            if (seen.Add(Key((k, k))))
            {
                yield return (k, k, false);
            }
        }
    }

    private static bool Plausible((double X, double Y) scale) =>
        scale.X is >= 0.98 and <= 4.5 && scale.Y is >= 0.98 and <= 4.5;

    private static (int, int) Key((double X, double Y) scale) =>
        ((int)Math.Round(scale.X * 1000), (int)Math.Round(scale.Y * 1000));
}
