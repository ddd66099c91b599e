using System.Text;

namespace Openterface.Hil;

/// <summary>
/// Finds runs of text within edit distance 1 of a secret (one substituted, dropped or extra character). A near-miss
/// must stand on its own (no letter or digit right before or after it), and a dropped character counts only for
/// secrets of 4 or more characters, so "hil" masks "h1l" and "hii" but not the "il" in "file".
/// </summary>
internal static class NearMiss
{
    /// <summary>The text with each near-miss of <paramref name="secret"/> replaced by <paramref name="mask"/>; the longest run wins.</summary>
    public static string Mask(string text, string secret, string mask)
    {
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var length = MatchAt(text, i, secret);
            if (length > 0)
            {
                result.Append(mask);
                i += length;
            }
            else
            {
                result.Append(text[i]);
                i++;
            }
        }

        return result.ToString();
    }

    /// <summary>The length of the longest run at <paramref name="start"/> within distance 1 of the secret, or 0.</summary>
    private static int MatchAt(string text, int start, string secret)
    {
        if (start > 0 && char.IsLetterOrDigit(text[start - 1]))
        {
            return 0;
        }

        var shortest = secret.Length >= 4 ? secret.Length - 1 : secret.Length;
        for (var length = secret.Length + 1; length >= shortest; length--)
        {
            var end = start + length;
            if (end <= text.Length && (end == text.Length || !char.IsLetterOrDigit(text[end])) && WithinOne(text.AsSpan(start, length), secret))
            {
                return length;
            }
        }

        return 0;
    }

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> differ by at most one edit.</summary>
    internal static bool WithinOne(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        if (prefix == a.Length && prefix == b.Length)
        {
            return true;
        }

        // Skip one character of the longer one (or of both for a substitution); the rest must be equal.
        var restA = a.Length >= b.Length ? a[(prefix + 1)..] : a[prefix..];
        var restB = b.Length >= a.Length ? b[(prefix + 1)..] : b[prefix..];
        return restA.SequenceEqual(restB);
    }
}
