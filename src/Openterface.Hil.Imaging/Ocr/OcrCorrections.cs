using System.Text.RegularExpressions;

namespace Openterface.Hil.Imaging.Ocr;

/// <summary>
/// Applies <see cref="OcrReadOptions.Corrections"/>: "/regex/" keys as regular expressions, other keys as whole
/// words (so {"OO": "00"} fixes "OO" but leaves "BOOT" alone). Applied to the text and to each word.
/// </summary>
internal static class OcrCorrections
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    internal static string Apply(string text, IReadOnlyDictionary<string, string> corrections)
    {
        foreach (var (key, replacement) in corrections)
        {
            text = ToRegex(key).Replace(text, replacement);
        }

        return text;
    }

    internal static Regex ToRegex(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        try
        {
            return key.Length > 2 && key[0] == '/' && key[^1] == '/'
                ? new Regex(key[1..^1], RegexOptions.CultureInvariant, MatchTimeout)
                : new Regex($@"(?<![\w]){Regex.Escape(key)}(?![\w])", RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"OCR correction '{key}' is not a valid regular expression ({e.Message}). Write /pattern/ with a valid .NET regex.", nameof(key), e);
        }
    }
}
