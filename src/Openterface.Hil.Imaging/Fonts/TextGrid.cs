namespace Openterface.Hil.Imaging.Fonts;

/// <summary>A text-mode screen: columns x rows of <see cref="TextCell"/>s (80x25 like a PC BIOS by default).</summary>
public sealed class TextGrid
{
    private readonly TextCell[] _cells;

    public TextGrid(int columns = 80, int rows = 25, byte background = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        Columns = columns;
        Rows = rows;
        _cells = new TextCell[columns * rows];
        Clear(7, background);
    }

    public int Columns { get; }

    public int Rows { get; }

    public TextCell this[int column, int row]
    {
        get => _cells[(row * Columns) + column];
        set => _cells[(row * Columns) + column] = value;
    }

    public void Clear(byte foreground, byte background) => Array.Fill(_cells, new TextCell(' ', foreground, background));

    /// <summary>Writes text from (column, row), clipped at the right edge.</summary>
    public void Write(int column, int row, string text, byte foreground, byte background)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length && column + i < Columns; i++)
        {
            if (column + i >= 0 && row >= 0 && row < Rows)
            {
                this[column + i, row] = new TextCell(text[i], foreground, background);
            }
        }
    }

    /// <summary>Fills a rectangle of cells with a character and colours.</summary>
    public void Fill(int column, int row, int width, int height, char character, byte foreground, byte background)
    {
        for (var y = row; y < row + height && y < Rows; y++)
        {
            for (var x = column; x < column + width && x < Columns; x++)
            {
                this[x, y] = new TextCell(character, foreground, background);
            }
        }
    }

    /// <summary>The screen's text, one line per row, trailing spaces removed.</summary>
    public string ToText()
    {
        var lines = new string[Rows];
        for (var y = 0; y < Rows; y++)
        {
            var chars = new char[Columns];
            for (var x = 0; x < Columns; x++)
            {
                chars[x] = this[x, y].Character;
            }

            lines[y] = new string(chars).TrimEnd();
        }

        return string.Join('\n', lines);
    }
}
