using System.CommandLine;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Cli.Commands;

/// <summary>The OCR controls of `hil ocr` (mode, whitelist, user words and patterns, corrections, language, dictionary).</summary>
internal sealed class OcrReadFlags
{
    private readonly Option<string> _mode = new("--mode")
    {
        Description = "auto, page, sparse (text anywhere), line, word or char: what the region holds.",
        DefaultValueFactory = _ => "auto",
    };

    private readonly Option<string?> _whitelist = new("--whitelist") { Description = "Only these characters may be read, e.g. 0123456789." };
    private readonly Option<string[]> _words = new("--user-word") { Description = "A word Tesseract should prefer (repeatable)." };
    private readonly Option<string[]> _patterns = new("--user-pattern") { Description = @"A pattern Tesseract should prefer, e.g. \d\d\d.\d\d\d.\d.\d (repeatable)." };
    private readonly Option<string[]> _corrections = new("--correction") { Description = "FROM=TO replaces the word FROM (or /regex/=TO) in the text read (repeatable)." };
    private readonly Option<string?> _language = new("--lang") { Description = "Tesseract language(s), e.g. eng+deu (Debian: tesseract-ocr-deu)." };
    private readonly Option<string?> _dictionary = new("--dictionary") { Description = "on or off: whether Tesseract's word lists may steer recognition." };

    internal void AddTo(Command command)
    {
        foreach (var option in new Option[] { _mode, _whitelist, _words, _patterns, _corrections, _language, _dictionary })
        {
            command.Options.Add(option);
        }
    }

    internal OcrReadOptions Parse(ParseResult parseResult, OcrEngineKind engine) => new()
    {
        Engine = engine,
        Mode = ParseMode(parseResult.GetValue(_mode)),
        CharWhitelist = parseResult.GetValue(_whitelist),
        UserWords = parseResult.GetValue(_words) ?? [],
        UserPatterns = parseResult.GetValue(_patterns) ?? [],
        Corrections = ParseCorrections(parseResult.GetValue(_corrections) ?? []),
        Language = parseResult.GetValue(_language),
        Dictionary = parseResult.GetValue(_dictionary)?.ToUpperInvariant() switch
        {
            null => null,
            "ON" => true,
            "OFF" => false,
            var other => throw new ArgumentException($"Dictionary '{other}' is not known. Use --dictionary on or --dictionary off."),
        },
    };

    internal static OcrMode ParseMode(string? value) => value?.ToUpperInvariant() switch
    {
        "AUTO" or null => OcrMode.Auto,
        "PAGE" => OcrMode.Page,
        "SPARSE" => OcrMode.SparseText,
        "LINE" => OcrMode.SingleLine,
        "WORD" => OcrMode.SingleWord,
        "CHAR" => OcrMode.SingleCharacter,
        _ => throw new ArgumentException($"Mode '{value}' is not known. Use --mode auto, page, sparse, line, word or char."),
    };

    internal static Dictionary<string, string> ParseCorrections(IEnumerable<string> values)
    {
        var corrections = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            // A /regex/ key may itself contain '=': split at the first '=' after its closing slash.
            var from = value.StartsWith('/') && value.IndexOf("/=", 1, StringComparison.Ordinal) is var end and > 0 ? end + 1 : value.IndexOf('=', StringComparison.Ordinal);
            if (from <= 0)
            {
                throw new ArgumentException($"Correction '{value}' is not FROM=TO. Use e.g. --correction OO=00 or --correction '/(\\d)O/=${{1}}0'.");
            }

            corrections[value[..from]] = value[(from + 1)..];
        }

        return corrections;
    }
}
