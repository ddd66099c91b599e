using Openterface.Hil.Imaging.Fonts;

namespace Openterface.Hil.Imaging.Tests.Ocr.Corpus;

/// <summary>Box drawing and centred text on a <see cref="TextGrid"/>, the way firmware screens are laid out.</summary>
internal static class GridDrawing
{
    /// <summary>A single-line frame (the Lat15 console fonts draw double lines with the single-line glyphs).</summary>
    internal static void Box(TextGrid grid, int column, int row, int width, int height, byte fg, byte bg)
    {
        var (h, v, tl, tr, bl, br) = ('─', '│', '┌', '┐', '└', '┘');
        grid.Write(column, row, tl + new string(h, width - 2) + tr, fg, bg);
        for (var y = row + 1; y < row + height - 1; y++)
        {
            grid.Write(column, y, v.ToString(), fg, bg);
            grid.Write(column + width - 1, y, v.ToString(), fg, bg);
        }

        grid.Write(column, row + height - 1, bl + new string(h, width - 2) + br, fg, bg);
    }

    internal static void Centre(TextGrid grid, int row, string text, byte fg, byte bg) =>
        grid.Write((grid.Columns - text.Length) / 2, row, text, fg, bg);

    internal static void Bar(TextGrid grid, int row, byte fg, byte bg, string text = "") =>
        grid.Write(0, row, text.PadRight(grid.Columns), fg, bg);
}
