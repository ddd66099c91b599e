using System.Drawing;
using System.Text;
using System.Text.RegularExpressions;
using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>
/// Finds a phrase or pattern in an OCR reading and the bounds of the words it covers. The words are joined with one
/// space, and with a newline where a word starts a new line on screen: a phrase matches across lines, a pattern sees
/// the lines (<c>(?m)^Linux$</c> matches a line that reads only "Linux"; <c>\s</c> matches either separator).
/// </summary>
internal static class TextSearch
{
    public static (string Text, Rectangle Bounds)? Find(OcrResult reading, string? phrase, Regex? pattern)
    {
        var (joined, starts) = Join(reading);
        int index;
        int length;
        if (phrase is not null)
        {
            var wanted = Normalise(phrase);
            index = joined.Replace('\n', ' ').IndexOf(wanted, StringComparison.OrdinalIgnoreCase);
            length = wanted.Length;
        }
        else
        {
            var match = pattern!.Match(joined);
            index = match.Success ? match.Index : -1;
            length = match.Length;
        }

        if (index < 0)
        {
            return null;
        }

        var bounds = Rectangle.Empty;
        for (var i = 0; i < reading.Words.Count; i++)
        {
            var start = starts[i];
            var end = start + Normalise(reading.Words[i].Text).Length;
            if (start < index + Math.Max(length, 1) && end > index)
            {
                bounds = bounds.IsEmpty ? reading.Words[i].Bounds : Rectangle.Union(bounds, reading.Words[i].Bounds);
            }
        }

        return (joined.Substring(index, length), bounds);
    }

    /// <summary>Collapses runs of whitespace to one space and trims.</summary>
    public static string Normalise(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static (string Joined, int[] Starts) Join(OcrResult reading)
    {
        if (reading.Words.Count == 0)
        {
            return (string.Join('\n', reading.Text.Split('\n').Select(Normalise).Where(line => line.Length > 0)), []);
        }

        var builder = new StringBuilder();
        var starts = new int[reading.Words.Count];
        for (var i = 0; i < reading.Words.Count; i++)
        {
            if (builder.Length > 0)
            {
                builder.Append(StartsLine(reading.Words[i - 1].Bounds, reading.Words[i].Bounds) ? '\n' : ' ');
            }

            starts[i] = builder.Length;
            builder.Append(Normalise(reading.Words[i].Text));
        }

        return (builder.ToString(), starts);
    }

    /// <summary>The word's vertical middle is below the previous word: it is on the next line.</summary>
    private static bool StartsLine(Rectangle previous, Rectangle word) =>
        !previous.IsEmpty && !word.IsEmpty && word.Top + (word.Height / 2) > previous.Bottom;
}
