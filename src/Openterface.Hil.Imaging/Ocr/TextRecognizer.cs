using System.Drawing;
using System.Text.RegularExpressions;
using Openterface.Hil.Imaging.Ocr;

namespace Openterface.Hil.Imaging;

/// <summary>
/// Reads text from frames. <see cref="OcrEngineKind.Auto"/> uses the console reader (cell-by-cell matching of
/// console fonts, near-perfect on BIOS and console screens) when it recognises a text-mode grid with high
/// confidence, else Tesseract with preprocessing tuned for screens. Thread-safe: each thread gets its own
/// Tesseract engine, created on first use and reused until <see cref="Dispose"/>.
/// </summary>
public sealed class TextRecognizer : IDisposable
{
    private readonly OcrOptions _options;
    private readonly ThreadLocal<TesseractEngine> _engines;
    private readonly Lazy<ConsoleTextReader> _console;
    private bool _disposed;

    /// <summary>Cheap: fonts and engines load on first use.</summary>
    public TextRecognizer(OcrOptions? options = null)
    {
        _options = options ?? new OcrOptions();
        _engines = new ThreadLocal<TesseractEngine>(
            () => TesseractEngine.Create(_options.ResolvedTessdataPath, _options.Language), trackAllValues: true);
        _console = new Lazy<ConsoleTextReader>(() => new ConsoleTextReader(ConsoleFontLibrary.For(_options.ConsoleFonts)));
    }

    /// <summary>Reads the text of <paramref name="region"/> (the whole frame when null).</summary>
    public OcrResult Read(Frame frame, Rectangle? region = null, OcrEngineKind engine = OcrEngineKind.Auto)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var area = region ?? frame.Bounds;
        frame.EnsureInside(area);
        switch (engine)
        {
            case OcrEngineKind.Tesseract:
                return TesseractReader.Read(_engines.Value!, frame, area);
            case OcrEngineKind.Console:
                return _console.Value.Read(frame, area) ?? new OcrResult(string.Empty, [], OcrEngineKind.Console, 0);
            default:
                var console = _console.Value.Read(frame, area);
                return console is not null && console.Confidence >= _options.ConsoleConfidenceThreshold
                    ? console
                    : TesseractReader.Read(_engines.Value!, frame, area);
        }
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
