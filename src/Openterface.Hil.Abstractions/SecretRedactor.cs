namespace Openterface.Hil;

/// <summary>
/// Process-wide registry of secrets (passwords typed into the target). The operator registers each secret it types;
/// the Allure writer (Openterface.Hil.Reporting) replaces every registered secret in every string it writes (names,
/// parameters, messages, traces, text attachments) with <see cref="Mask"/>, a second line of defence behind the
/// operator's own redaction. Lives here, at the bottom of the dependency graph, so both can reach it.
/// </summary>
public static class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    private static readonly Lock Gate = new();
    private static string[] secrets = [];

    /// <summary>Registers a secret; null or empty strings are ignored. Safe to call from any thread.</summary>
    public static void Register(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return;
        }

        lock (Gate)
        {
            if (Array.IndexOf(secrets, secret) >= 0)
            {
                return;
            }

            // Longest first, so a secret containing a shorter one is masked whole.
            secrets = [.. secrets.Append(secret).OrderByDescending(s => s.Length)];
        }
    }

    /// <summary>True when at least one secret is registered.</summary>
    public static bool HasSecrets => Volatile.Read(ref secrets).Length > 0;

    /// <summary>The text with every registered secret replaced by <see cref="Mask"/>.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var snapshot = Volatile.Read(ref secrets);
        foreach (var secret in snapshot)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>
    /// Text read from the screen (OCR) with every registered secret masked, and also every near-miss of a secret of
    /// 3 or more characters: a run that differs from it by one misread, dropped or extra glyph ("h1l" for "hil").
    /// Masks generously (an unrelated word one glyph away from a secret is masked too); use it for OCR text only.
    /// </summary>
    public static string RedactReading(string text)
    {
        text = Redact(text);
        foreach (var secret in Volatile.Read(ref secrets))
        {
            if (secret.Length >= 3)
            {
                text = NearMiss.Mask(text, secret, Mask);
            }
        }

        return text;
    }
}
