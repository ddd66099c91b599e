namespace Openterface.Hil;

/// <summary>
/// The secrets typed in a session. Everything the session writes (logs, step names and parameters, failure
/// messages, call logs) passes through <see cref="Redact"/>; reporters should do the same with text they collect
/// elsewhere (console output, serial transcripts). Each secret is also registered process-wide with
/// <see cref="SecretRedactor"/>, which the Allure writer applies to everything it writes.
/// </summary>
public sealed class SessionSecrets
{
    public const string Mask = SecretRedactor.Mask;

    private readonly Lock _gate = new();
    private string[] _secrets = [];

    /// <summary>
    /// Registers a secret; from now on it is masked wherever it appears. Each line is registered on its own, without
    /// CR/LF: a secret typed as <c>"hil\n"</c> shows on screen (and in OCR text) as <c>hil</c>.
    /// </summary>
    public void Register(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        foreach (var line in Lines(secret))
        {
            SecretRedactor.Register(line);
            lock (_gate)
            {
                if (!_secrets.Contains(line, StringComparer.Ordinal))
                {
                    // Longest first, so a secret that contains another is masked whole.
                    _secrets = [.. _secrets.Append(line).OrderByDescending(s => s.Length)];
                }
            }
        }
    }

    /// <summary>The lines of a typed secret, without CR/LF and empty lines.</summary>
    internal static IEnumerable<string> Lines(string secret) =>
        secret.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The text with every registered secret replaced by "***".</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var secrets = Volatile.Read(ref _secrets);
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>
    /// OCR text with registered secrets masked, near-misses included (<see cref="SecretRedactor.RedactReading"/>):
    /// flattened to one line first, so a secret split by a line break is still found.
    /// </summary>
    public static string RedactReading(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SecretRedactor.RedactReading(Flatten(text));
    }

    /// <summary>One line: runs of whitespace (newlines included) become one space.</summary>
    internal static string Flatten(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
