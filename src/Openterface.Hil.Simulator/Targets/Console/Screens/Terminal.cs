using System.Text;
using Openterface.Hil.Imaging.Fonts;

namespace Openterface.Hil.Simulator;

/// <summary>
/// The OS's text console: lines that scroll, a prompt, and a line editor that echoes what is typed (or not, for
/// passwords). Long lines wrap at the right edge like the Linux console.
/// </summary>
internal sealed class Terminal
{
    private const int MaxLines = 200;
    private readonly List<string> _lines = [string.Empty];
    private readonly StringBuilder _input = new();

    /// <summary>Whether typed characters appear on screen.</summary>
    public bool Echo { get; set; } = true;

    /// <summary>Appends text to the current line; '\n' starts a new line.</summary>
    public void Write(string text)
    {
        var parts = text.Split('\n');
        _lines[^1] += parts[0];
        foreach (var part in parts.Skip(1))
        {
            _lines.Add(part);
        }

        if (_lines.Count > MaxLines)
        {
            _lines.RemoveRange(0, _lines.Count - MaxLines);
        }
    }

    public void WriteLine(string text = "") => Write(text + "\n");

    public void Clear()
    {
        _lines.Clear();
        _lines.Add(string.Empty);
    }

    /// <summary>
    /// Edits the input line with a key. Returns the finished line on Enter, "\u0003" on Ctrl+C, otherwise null.
    /// </summary>
    public string? Edit(KeyPress key)
    {
        if (key.IsEnter)
        {
            return Commit(_input.ToString(), string.Empty);
        }

        if (key.Ctrl && key.Usage == HidKeys.A + ('c' - 'a'))
        {
            return Commit("\u0003", "^C");
        }

        if (key.Usage == HidKeys.Backspace)
        {
            if (_input.Length > 0)
            {
                _input.Length--;
            }
        }
        else if (!key.Ctrl && key.Character is { } character)
        {
            _input.Append(character);
        }

        return null;
    }

    public void Draw(TextGrid grid, bool cursorVisible)
    {
        grid.Clear(Vga.LightGray, Vga.Black);
        var rows = new List<string>();
        for (var i = 0; i < _lines.Count; i++)
        {
            var last = i == _lines.Count - 1;
            var text = last && Echo ? _lines[i] + _input : _lines[i];
            var chunks = last ? (text.Length / grid.Columns) + 1 : Math.Max(1, (text.Length + grid.Columns - 1) / grid.Columns);
            for (var c = 0; c < chunks; c++)
            {
                var start = c * grid.Columns;
                rows.Add(start < text.Length ? text.Substring(start, Math.Min(grid.Columns, text.Length - start)) : string.Empty);
            }
        }

        var first = Math.Max(0, rows.Count - grid.Rows);
        for (var row = first; row < rows.Count; row++)
        {
            grid.Write(0, row - first, rows[row], Vga.LightGray, Vga.Black);
        }

        if (cursorVisible)
        {
            var cursorRow = rows.Count - 1 - first;
            grid.Write(rows[^1].Length, cursorRow, "_", Vga.LightGray, Vga.Black);
        }
    }

    private string Commit(string result, string suffix)
    {
        _lines[^1] += (Echo ? _input.ToString() : string.Empty) + suffix;
        _lines.Add(string.Empty);
        _input.Clear();
        return result;
    }
}
