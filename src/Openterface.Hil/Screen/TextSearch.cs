using System.Drawing;
using System.Text;
using System.Text.RegularExpressions;
using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>Finds a phrase or pattern in an OCR reading and the bounds of the words it covers.</summary>
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
            index = joined.IndexOf(wanted, StringComparison.OrdinalIgnoreCase);
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
            return (Normalise(reading.Text), []);
        }

        var builder = new StringBuilder();
        var starts = new int[reading.Words.Count];
        for (var i = 0; i < reading.Words.Count; i++)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            starts[i] = builder.Length;
            builder.Append(Normalise(reading.Words[i].Text));
        }

        return (builder.ToString(), starts);
    }
}
