namespace Openterface.Hil;

/// <summary>
/// How closed-loop typing reads a secret back: a password field shows one masking character per typed character,
/// so only the count of masking characters is compared, never the secret itself.
/// </summary>
internal static class SecretField
{
    /// <summary>Characters password fields draw (and OCR reads) for a typed character.</summary>
    private const string MaskingCharacters = "*\u2022\u25CF\u00B7\u2219";

    /// <summary>What the field should show after typing <paramref name="secret"/>: one '*' per character (line breaks excluded).</summary>
    public static string Expected(string secret) => new('*', string.Concat(SessionSecrets.Lines(secret)).Length);

    /// <summary>The read text without whitespace.</summary>
    public static string Flat(string read) => new([.. read.Where(c => !char.IsWhiteSpace(c))]);

    /// <summary>True when everything read is a masking character (an empty field counts as masked).</summary>
    public static bool IsMasked(string read) => Flat(read).All(c => MaskingCharacters.Contains(c, StringComparison.Ordinal));

    /// <summary>The read masking characters as '*'; other characters are dropped (see <see cref="IsMasked"/>).</summary>
    public static string Masked(string read) =>
        new([.. Flat(read).Where(c => MaskingCharacters.Contains(c, StringComparison.Ordinal)).Select(_ => '*')]);
}
