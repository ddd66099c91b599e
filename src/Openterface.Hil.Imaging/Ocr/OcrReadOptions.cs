namespace Openterface.Hil.Imaging;

/// <summary>
/// Per-read OCR controls (stb-tester users know them): the mode, a character whitelist, user words and patterns
/// (Tesseract pattern syntax, e.g. <c>\d\d\d.\d\d\d.\d.\d</c> for an IP address), corrections applied to the text
/// read, the language(s) and whether Tesseract's dictionary may change what it saw. Null values inherit from
/// <see cref="OcrOptions"/> or the engine's choice.
/// </summary>
public sealed record OcrReadOptions
{
    public OcrEngineKind Engine { get; init; } = OcrEngineKind.Auto;

    public OcrMode Mode { get; init; } = OcrMode.Auto;

    /// <summary>Only these characters may be recognised, e.g. "0123456789." (null: any).</summary>
    public string? CharWhitelist { get; init; }

    /// <summary>Words Tesseract should prefer (product names, setting values).</summary>
    public IReadOnlyList<string> UserWords { get; init; } = [];

    /// <summary>Patterns Tesseract should prefer: \d digit, \c letter, \a alphanumeric, \p punctuation, \n newline-free.</summary>
    public IReadOnlyList<string> UserPatterns { get; init; } = [];

    /// <summary>
    /// Replacements applied to the text read, in order: a plain key replaces that whole word ({"OO": "00"}); a key
    /// written /like this/ is a regular expression (replacement may use $1).
    /// </summary>
    public IReadOnlyDictionary<string, string> Corrections { get; init; } = new Dictionary<string, string>();

    /// <summary>Tesseract language(s) such as "eng+deu"; null uses <see cref="OcrOptions.Language"/>.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// Whether Tesseract's word lists may steer recognition. Null: off for the graphical path (setting values such as
    /// "F.42" or "00:1A:2B" are not words), on for the plain Tesseract path.
    /// </summary>
    public bool? Dictionary { get; init; }

    internal static OcrReadOptions Default { get; } = new();
}
