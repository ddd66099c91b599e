using System.Text;

namespace Openterface.Hil.Imaging.Fonts;

/// <summary>
/// Draws a <see cref="TextGrid"/> with a console font the way a VGA text mode does: 16-colour palette, cells
/// <c>font.Width + extraColumn</c> wide (9-dot mode repeats column 8 for box-drawing characters).
/// </summary>
public sealed class TextGridRenderer
{
    /// <summary>The standard VGA 16-colour palette, as BGR.</summary>
    private static readonly (byte B, byte G, byte R)[] Palette =
    [
        (0, 0, 0), (170, 0, 0), (0, 170, 0), (170, 170, 0), (0, 0, 170), (170, 0, 170), (0, 85, 170), (170, 170, 170),
        (85, 85, 85), (255, 85, 85), (85, 255, 85), (255, 255, 85), (85, 85, 255), (255, 85, 255), (85, 255, 255), (255, 255, 255),
    ];

    public TextGridRenderer(PsfFont font, bool nineDotCells = true)
    {
        ArgumentNullException.ThrowIfNull(font);
        Font = font;
        NineDotCells = nineDotCells && font.Width == 8;
    }

    public PsfFont Font { get; }

    public bool NineDotCells { get; }

    public int CellWidth => Font.Width + (NineDotCells ? 1 : 0);

    public int CellHeight => Font.Height;

    /// <summary>Renders the grid at its native size (e.g. 80x25 cells of 9x16 = 720x400).</summary>
    public Frame Render(TextGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var frame = Frame.Allocate(grid.Columns * CellWidth, grid.Rows * CellHeight, PixelFormat.Bgr24);
        RenderInto(grid, frame);
        return frame;
    }

    /// <summary>Renders into an existing frame of exactly the grid's native size.</summary>
    public void RenderInto(TextGrid grid, Frame frame)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Width != grid.Columns * CellWidth || frame.Height != grid.Rows * CellHeight || frame.Format != PixelFormat.Bgr24)
        {
            throw new ArgumentException("Frame size does not match the grid's native size.", nameof(frame));
        }

        var pixels = frame.WritablePixels;
        for (var row = 0; row < grid.Rows; row++)
        {
            for (var column = 0; column < grid.Columns; column++)
            {
                DrawCell(pixels, frame.Stride, column, row, grid[column, row]);
            }
        }
    }

    private void DrawCell(Span<byte> pixels, int stride, int column, int row, TextCell cell)
    {
        var glyph = Font.GlyphIndex(new Rune(cell.Character));
        var fg = Palette[cell.Foreground & 0x0F];
        var bg = Palette[cell.Background & 0x0F];
        var repeatLastColumn = NineDotCells && cell.Character is >= '\u2500' and <= '\u259F';
        var originX = column * CellWidth;
        var originY = row * CellHeight;
        for (var y = 0; y < CellHeight; y++)
        {
            var line = pixels.Slice(((originY + y) * stride) + (originX * 3), CellWidth * 3);
            for (var x = 0; x < CellWidth; x++)
            {
                var on = x < Font.Width ? Font.IsSet(glyph, x, y) : repeatLastColumn && Font.IsSet(glyph, Font.Width - 1, y);
                var colour = on ? fg : bg;
                line[x * 3] = colour.B;
                line[(x * 3) + 1] = colour.G;
                line[(x * 3) + 2] = colour.R;
            }
        }
    }
}
