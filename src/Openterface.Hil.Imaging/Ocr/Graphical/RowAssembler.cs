using System.Drawing;

namespace Openterface.Hil.Imaging.Ocr;

/// <summary>
/// Puts recognised words back into screen rows: a word joins the row whose vertical centre is within half a word
/// height of its own, rows run top to bottom and words left to right. Tesseract's own block order reads a
/// two-column setup page column by column; people (and test authors) read it row by row.
/// </summary>
internal static class RowAssembler
{
    internal static List<List<(string Text, Rectangle Box, float Confidence)>> Rows(IEnumerable<(string Text, Rectangle Box, float Confidence)> words)
    {
        var rows = new List<(double Centre, double Height, List<(string Text, Rectangle Box, float Confidence)> Words)>();
        foreach (var word in words.OrderBy(w => w.Box.Top + (w.Box.Height / 2.0)))
        {
            var centre = word.Box.Top + (word.Box.Height / 2.0);
            var row = rows.Count > 0 ? rows[^1] : default;
            if (row.Words is not null && Math.Abs(row.Centre - centre) < Math.Max(row.Height, word.Box.Height) * 0.5)
            {
                row.Words.Add(word);
                rows[^1] = ((row.Centre * (row.Words.Count - 1) + centre) / row.Words.Count, Math.Max(row.Height, word.Box.Height), row.Words);
            }
            else
            {
                rows.Add((centre, word.Box.Height, [word]));
            }
        }

        return rows.Select(r => r.Words.OrderBy(w => w.Box.Left).ToList()).ToList();
    }
}
