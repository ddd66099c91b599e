using Openterface.Hil.Imaging.Fonts;

namespace Openterface.Hil.Simulator;

/// <summary>Frames, bars and centred text on a <see cref="TextGrid"/>, shared by every console screen.</summary>
internal static class ConsoleDrawing
{
    /// <summary>A box outline; <paramref name="doubleLine"/> uses ╔═╗║╚╝, otherwise ┌─┐│└┘. The inside is left as is.</summary>
    public static void Box(TextGrid grid, int column, int row, int width, int height, bool doubleLine, byte foreground, byte background)
    {
        var (h, v, tl, tr, bl, br) = doubleLine ? ('═', '║', '╔', '╗', '╚', '╝') : ('─', '│', '┌', '┐', '└', '┘');
        var right = column + width - 1;
        var bottom = row + height - 1;
        grid.Fill(column + 1, row, width - 2, 1, h, foreground, background);
        grid.Fill(column + 1, bottom, width - 2, 1, h, foreground, background);
        grid.Fill(column, row + 1, 1, height - 2, v, foreground, background);
        grid.Fill(right, row + 1, 1, height - 2, v, foreground, background);
        grid[column, row] = new TextCell(tl, foreground, background);
        grid[right, row] = new TextCell(tr, foreground, background);
        grid[column, bottom] = new TextCell(bl, foreground, background);
        grid[right, bottom] = new TextCell(br, foreground, background);
    }

    /// <summary>A filled box: the outline plus a cleared inside.</summary>
    public static void Panel(TextGrid grid, int column, int row, int width, int height, bool doubleLine, byte foreground, byte background)
    {
        grid.Fill(column, row, width, height, ' ', foreground, background);
        Box(grid, column, row, width, height, doubleLine, foreground, background);
    }

    /// <summary>A full-width coloured bar (title bars, highlighted rows).</summary>
    public static void Bar(TextGrid grid, int column, int row, int width, byte foreground, byte background) =>
        grid.Fill(column, row, width, 1, ' ', foreground, background);

    /// <summary>Text centred between <paramref name="column"/> and <paramref name="column"/> + <paramref name="width"/>.</summary>
    public static void Centered(TextGrid grid, int column, int row, int width, string text, byte foreground, byte background)
    {
        var start = column + Math.Max(0, (width - text.Length) / 2);
        grid.Write(start, row, text.Length > width ? text[..width] : text, foreground, background);
    }

    /// <summary>Text word-wrapped into a column of <paramref name="width"/> cells; returns the rows used.</summary>
    public static int Wrapped(TextGrid grid, int column, int row, int width, string text, byte foreground, byte background)
    {
        var line = string.Empty;
        var used = 0;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                grid.Write(column, row + used++, line, foreground, background);
                line = string.Empty;
            }

            line = line.Length == 0 ? word : line + " " + word;
        }

        if (line.Length > 0)
        {
            grid.Write(column, row + used++, line, foreground, background);
        }

        return used;
    }

    /// <summary>A progress bar of █ over ░, <paramref name="fraction"/> from 0 to 1.</summary>
    public static void Progress(TextGrid grid, int column, int row, int width, double fraction, byte foreground, byte background)
    {
        var filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * width);
        grid.Fill(column, row, filled, 1, '█', foreground, background);
        grid.Fill(column + filled, row, width - filled, 1, '░', foreground, background);
    }
}
