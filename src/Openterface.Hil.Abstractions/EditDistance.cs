namespace Openterface.Hil;

/// <summary>Case-insensitive Levenshtein distance, for "did you mean" suggestions (key names, needle names).</summary>
internal static class EditDistance
{
    internal static int Between(string a, string b)
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
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>Up to <paramref name="count"/> candidates closest to <paramref name="word"/> (distance at most 3).</summary>
    internal static IReadOnlyList<string> Closest(string word, IEnumerable<string> candidates, int count = 3) =>
        candidates
            .Select(c => (Name: c, Distance: Between(word, c)))
            .Where(x => x.Distance <= Math.Max(1, Math.Min(3, word.Length / 2 + 1)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Name)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(count)
            .ToList();
}
