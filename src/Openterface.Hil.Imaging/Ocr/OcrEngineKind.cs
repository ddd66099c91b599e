namespace Openterface.Hil.Imaging;

/// <summary>Which recogniser reads the text.</summary>
public enum OcrEngineKind
{
    /// <summary>The console reader when it recognises a text-mode cell grid with high confidence, else Tesseract.</summary>
    Auto,

    /// <summary>Fixed-pitch console glyphs matched cell by cell against console fonts (BIOS, GRUB, Linux console).</summary>
    Console,

    /// <summary>Tesseract (LSTM) after preprocessing tuned for screen text.</summary>
    Tesseract,
}
