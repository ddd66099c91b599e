using System.Drawing;
using System.Text.RegularExpressions;

namespace Openterface.Hil.Imaging.Ocr;

/// <summary>Maps a regex match in <see cref="OcrResult.Text"/> back to a box from the words it overlaps.</summary>
internal static class OcrMatch
{
    internal static OcrWord? Find(OcrResult result, Regex pattern)
    {
        var match = pattern.Match(result.Text);
        if (!match.Success)
        {
            return null;
        }

        var end = match.Index + Math.Max(1, match.Length);
        Rectangle? box = null;
        var confidence = 1.0;
        for (var i = 0; i < result.Words.Count && i < result.WordOffsets.Count; i++)
        {
            var word = result.Words[i];
            var start = result.WordOffsets[i];
            var wordEnd = start + word.Text.Length;
            if (wordEnd <= match.Index || start >= end)
            {
                continue;
            }

            var part = Part(result, word, start, Math.Max(start, match.Index), Math.Min(wordEnd, end));
            box = box is null ? part : Rectangle.Union(box.Value, part);
            confidence = Math.Min(confidence, word.Confidence);
        }

        return box is null ? null : new OcrWord(match.Value, box.Value, confidence);
    }

    /// <summary>The console reader knows each cell's box; for Tesseract words the whole word box is used.</summary>
    private static Rectangle Part(OcrResult result, OcrWord word, int wordStart, int from, int to)
    {
        if (result.CellSize.Width <= 0)
        {
            return word.Bounds;
        }

        var left = word.Bounds.X + (int)Math.Round((from - wordStart) * result.CellSize.Width);
        var right = word.Bounds.X + (int)Math.Round((to - wordStart) * result.CellSize.Width);
        return Rectangle.FromLTRB(left, word.Bounds.Top, right, word.Bounds.Bottom);
    }
}
