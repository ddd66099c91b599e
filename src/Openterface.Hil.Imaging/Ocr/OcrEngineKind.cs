namespace Openterface.Hil.Imaging;

/// <summary>Which recogniser reads the text.</summary>
public enum OcrEngineKind
{
    /// <summary>The console reader when it recognises a text-mode cell grid with high confidence, else the graphical path.</summary>
    Auto,

    /// <summary>Fixed-pitch console glyphs matched cell by cell against console fonts (BIOS, GRUB, Linux console).</summary>
    Console,

    /// <summary>Tesseract (LSTM) on one block after preprocessing tuned for text-mode screens.</summary>
    Tesseract,

    /// <summary>
    /// Tesseract for graphical screens (anti-aliased proportional fonts): scale normalisation, binarisation per text
    /// row, sparse-text segmentation, dictionary off, words re-assembled into screen rows.
    /// </summary>
    Graphical,
}
