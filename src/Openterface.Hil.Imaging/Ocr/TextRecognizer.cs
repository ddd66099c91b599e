using System.Drawing;
using System.Text.RegularExpressions;
using Openterface.Hil.Imaging.Ocr;

namespace Openterface.Hil.Imaging;

/// <summary>
/// Reads text from frames. <see cref="OcrEngineKind.Auto"/> uses the console reader (cell-by-cell matching of
/// console fonts, near-perfect on BIOS and console screens) when it recognises a text-mode grid with high
/// confidence, else the graphical path (Tesseract tuned for anti-aliased UI text); <see cref="OcrResult.Engine"/>
/// says which read it. Thread-safe: each thread gets its own Tesseract engines (one per init-time configuration),
/// created on first use and reused until <see cref="Dispose"/>.
/// </summary>
public sealed class TextRecognizer : IDisposable
{
    private readonly OcrOptions _options;
    private readonly ThreadLocal<TesseractEnginePool> _engines;
    private readonly Lazy<ConsoleTextReader> _console;
    private bool _disposed;

    /// <summary>Cheap: fonts and engines load on first use.</summary>
    public TextRecognizer(OcrOptions? options = null)
    {
        _options = options ?? new OcrOptions();
        _engines = new ThreadLocal<TesseractEnginePool>(() => new TesseractEnginePool(_options.ResolvedTessdataPath), trackAllValues: true);
        _console = new Lazy<ConsoleTextReader>(() => new ConsoleTextReader(ConsoleFontLibrary.For(_options.ConsoleFonts)));
    }

    /// <summary>Reads the text of <paramref name="region"/> (the whole frame when null).</summary>
    public OcrResult Read(Frame frame, Rectangle? region = null, OcrEngineKind engine = OcrEngineKind.Auto) =>
        Read(frame, region, engine == OcrEngineKind.Auto ? OcrReadOptions.Default : new OcrReadOptions { Engine = engine });

    /// <summary>Reads the text of <paramref name="region"/> (the whole frame when null) with per-read controls.</summary>
    public OcrResult Read(Frame frame, Rectangle? region, OcrReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var area = region ?? frame.Bounds;
        frame.EnsureInside(area);
        var result = ReadWith(frame, area, options);
        return options.Corrections.Count == 0 ? result : Correct(result, options.Corrections);
    }

    private OcrResult ReadWith(Frame frame, Rectangle area, OcrReadOptions options)
    {
        var console = options.Engine == OcrEngineKind.Console || (options.Engine == OcrEngineKind.Auto && options.CharWhitelist is null)
            ? _console.Value.Read(frame, area)
            : null;
        switch (options.Engine)
        {
            case OcrEngineKind.Console:
                return console ?? new OcrResult(string.Empty, [], OcrEngineKind.Console, 0);
            case OcrEngineKind.Tesseract:
                return TesseractReader.Read(Engine(options, dictionaryByDefault: true), frame, area, options.Mode, options.CharWhitelist);
            default:
                return console is not null && console.Confidence >= _options.ConsoleConfidenceThreshold
                    ? console
                    : GraphicalTextReader.Read(Engine(options, dictionaryByDefault: false), frame, area, options.Mode, options.CharWhitelist);
        }
    }

    private TesseractEngine Engine(OcrReadOptions options, bool dictionaryByDefault) =>
        _engines.Value!.Get(options.Language ?? _options.Language, options.Dictionary ?? dictionaryByDefault, options.UserWords, options.UserPatterns);

    private static OcrResult Correct(OcrResult result, IReadOnlyDictionary<string, string> corrections)
    {
        var builder = new OcrTextBuilder();
        var lines = result.Text.Split('\n');
        var wordIndex = 0;
        var lineStart = 0;
        foreach (var line in lines)
        {
            var corrected = OcrCorrections.Apply(line, corrections);
            builder.StartLine(corrected.TrimEnd());
            var column = 0;
            for (; wordIndex < result.Words.Count && wordIndex < result.WordOffsets.Count && result.WordOffsets[wordIndex] < lineStart + line.Length + 1; wordIndex++)
            {
                var word = result.Words[wordIndex];
                var text = OcrCorrections.Apply(word.Text, corrections);
                var found = corrected.IndexOf(text, column, StringComparison.Ordinal);
                column = found >= 0 ? found : column;
                builder.AddWord(column, text, word.Bounds, word.Confidence);
                column += text.Length;
            }

            lineStart += line.Length + 1;
        }

        return builder.Build(result.Engine, result.Confidence) with { CellSize = result.CellSize };
    }

    /// <summary>
    /// The first match of <paramref name="pattern"/> in the text of <paramref name="region"/> (lines joined by
    /// '\n'), with the box of the words it covers (of the exact cells for the console reader); null when absent.
    /// </summary>
    public OcrWord? Find(Frame frame, Regex pattern, Rectangle? region = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return OcrMatch.Find(Read(frame, region), pattern);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var engine in _engines.Values)
        {
            engine.Dispose();
        }

        _engines.Dispose();
    }
}
