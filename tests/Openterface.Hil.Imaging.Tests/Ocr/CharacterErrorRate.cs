using System.Text;

namespace Openterface.Hil.Imaging.Tests.Ocr;

/// <summary>
/// Character error rate: Levenshtein distance / reference length, after normalising both texts the same way:
/// box-drawing, block and arrow symbols become spaces (Tesseract has no such characters, so they would only
/// measure that), runs of spaces collapse to one (Tesseract does not keep columns), blank lines are dropped.
/// </summary>
internal static class CharacterErrorRate
{
    internal static (int Errors, int Length) Measure(string recognised, string truth)
    {
        var a = Normalise(recognised);
        var b = Normalise(truth);
        return (Levenshtein(a, b), b.Length);
    }

    internal static string Normalise(string text)
    {
        var lines = new List<string>();
        foreach (var line in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            var builder = new StringBuilder();
            foreach (var c in line)
            {
                var mapped = c is >= '\u2190' and <= '\u25FF' || char.IsWhiteSpace(c) ? ' ' : c;
                if (mapped != ' ' || (builder.Length > 0 && builder[^1] != ' '))
                {
                    builder.Append(mapped);
                }
            }

            var normalised = builder.ToString().Trim();
            if (normalised.Length > 0)
            {
                lines.Add(normalised);
            }
        }

        return string.Join('\n', lines);
    }

    internal static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
