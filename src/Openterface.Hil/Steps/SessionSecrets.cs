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

    /// <summary>Registers a secret; from now on it is masked wherever it appears.</summary>
    public void Register(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length == 0)
        {
            return;
        }

        SecretRedactor.Register(secret);
        lock (_gate)
        {
            if (!_secrets.Contains(secret, StringComparer.Ordinal))
            {
                // Longest first, so a secret that contains another is masked whole.
                _secrets = [.. _secrets.Append(secret).OrderByDescending(s => s.Length)];
            }
        }
    }

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
}
