using System.Numerics;

namespace Openterface.Hil.Imaging.Ocr;

/// <summary>What a cell shows: a character and how far its pixels were from the glyph (0 = exact, 1 = all wrong).</summary>
internal readonly record struct CellMatch(char Character, double Error, bool Blank);

/// <summary>
/// Matches a <see cref="ConsoleCell"/> against a glyph set by normalised correlation with the glyph templates
/// (sharp and blurred the way scaling and capture cards blur), which ignores the cells' colours and contrast
/// and survives JPEG noise. Ink is the minority colour unless the other polarity fits clearly better.
/// The error is 1 - correlation; a cell that correlates with no glyph is blank (noise, JPEG ringing).
/// </summary>
internal static class ConsoleCellClassifier
{
    /// <summary>Below this range (0..255) a cell is one colour: a space.</summary>
    internal const int MinimumContrast = 40;

    /// <summary>A cell whose best correlation stays below this is noise on a blank cell.</summary>
    private const double BlankCorrelation = 0.5;

    private const double PolarityMargin = 0.08;
    private const int Candidates = 8;
    private const int Shortlist = 32;

    internal static CellMatch Classify(ConsoleCell cell, ConsoleGlyphSet set, bool refine = true)
    {
        if (cell.Contrast < MinimumContrast)
        {
            return new CellMatch(' ', 0, Blank: true);
        }

        var lightIsInk = cell.LightCount * 2 <= set.Area;
        Span<int> positive = stackalloc int[Candidates];
        Span<int> negative = stackalloc int[Candidates];
        TopCandidates(cell, set, positive, negative);
        var (bestPositive, rPositive) = Refine(cell, set, positive, sign: 1, refine);
        var (bestNegative, rNegative) = Refine(cell, set, negative, sign: -1, refine);
        var (preferred, preferredScore, other, otherScore) = lightIsInk
            ? (bestPositive, rPositive, bestNegative, rNegative)
            : (bestNegative, rNegative, bestPositive, rPositive);
        var (glyph, score) = otherScore > preferredScore + PolarityMargin ? (other, otherScore) : (preferred, preferredScore);
        return score < BlankCorrelation
            ? new CellMatch(' ', 1 - score, Blank: true)
            : new CellMatch(set.Characters[glyph], 1 - score, Blank: false);
    }

    /// <summary>
    /// The glyphs with the highest (positive) and lowest (negative) correlation at the middle blur level, among
    /// the <see cref="Shortlist"/> nearest by Hamming distance on the binarised cell for each polarity (cheap: a
    /// few popcounts per glyph, and generous enough that blur does not push the right glyph out).
    /// </summary>
    private static void TopCandidates(ConsoleCell cell, ConsoleGlyphSet set, Span<int> positive, Span<int> negative)
    {
        Span<float> nearLight = stackalloc float[Shortlist];
        Span<float> nearDark = stackalloc float[Shortlist];
        Span<int> lightList = stackalloc int[Shortlist];
        Span<int> darkList = stackalloc int[Shortlist];
        nearLight.Fill(float.MaxValue);
        nearDark.Fill(float.MaxValue);
        lightList.Fill(-1);
        darkList.Fill(-1);
        for (var g = 0; g < set.Count; g++)
        {
            var d = set.Distance(cell.LightBits, g);
            Insert(nearLight, lightList, d, g, descending: false);
            Insert(nearDark, darkList, set.Area - d, g, descending: false);
        }

        Rank(cell, set, lightList, positive, sign: 1);
        Rank(cell, set, darkList, negative, sign: -1);
    }

    private static void Rank(ConsoleCell cell, ConsoleGlyphSet set, ReadOnlySpan<int> shortlist, Span<int> best, int sign)
    {
        Span<float> scores = stackalloc float[best.Length];
        scores.Fill(float.MinValue);
        best.Fill(-1);
        var values = cell.Centred.AsSpan(0, set.Area);
        foreach (var g in shortlist)
        {
            if (g >= 0)
            {
                Insert(scores, best, sign * Dot(values, set.Template(1, g)), g, descending: true);
            }
        }
    }

    private static void Insert(Span<float> scores, Span<int> indices, float score, int index, bool descending)
    {
        if (descending ? score <= scores[^1] : score >= scores[^1])
        {
            return;
        }

        var slot = scores.Length - 1;
        while (slot > 0 && (descending ? scores[slot - 1] < score : scores[slot - 1] > score))
        {
            scores[slot] = scores[slot - 1];
            indices[slot] = indices[slot - 1];
            slot--;
        }

        scores[slot] = score;
        indices[slot] = index;
    }

    /// <summary>The candidate with the best correlation (times <paramref name="sign"/>) over all blur levels.</summary>
    private static (int Glyph, double Score) Refine(ConsoleCell cell, ConsoleGlyphSet set, ReadOnlySpan<int> candidates, int sign, bool refine)
    {
        var values = cell.Centred.AsSpan(0, set.Area);
        var best = (Glyph: candidates[0], Score: double.MinValue);
        var levels = refine ? ConsoleGlyphSet.BlurLevels.Length : 2;
        foreach (var g in candidates)
        {
            if (g < 0)
            {
                break;
            }

            for (var level = refine ? 0 : 1; level < levels; level++)
            {
                var score = sign * Dot(values, set.Template(level, g));
                if (score > best.Score)
                {
                    best = (g, score);
                }
            }
        }

        return best;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }
}
