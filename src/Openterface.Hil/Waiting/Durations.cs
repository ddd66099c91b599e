using System.Globalization;

namespace Openterface.Hil;

/// <summary>Short, human durations for messages: 30s, 1.5s, 500ms, 2m, 1m30s.</summary>
internal static class Durations
{
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.FromSeconds(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Math.Round(value.TotalMilliseconds)}ms");
        }

        if (value < TimeSpan.FromMinutes(1) || value.TotalSeconds % 1 != 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Math.Round(value.TotalSeconds, 2)}s");
        }

        var minutes = (int)value.TotalMinutes;
        return value.Seconds == 0 ? $"{minutes}m" : $"{minutes}m{value.Seconds}s";
    }

    public static string Score(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// OCR text for a message: flattened to one line, registered secrets (and near-misses) masked, then cut to
    /// <paramref name="max"/> characters. Masking comes before the cut, so a secret cut in half is still masked.
    /// </summary>
    public static string Quote(string text, int max = 60)
    {
        var flat = SessionSecrets.RedactReading(text);
        return flat.Length <= max ? $"'{flat}'" : $"'{flat[..max]}...'";
    }
}
