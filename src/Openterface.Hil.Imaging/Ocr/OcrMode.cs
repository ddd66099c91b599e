namespace Openterface.Hil.Imaging;

/// <summary>What the region holds, which picks Tesseract's page segmentation (stb-tester's OcrMode).</summary>
public enum OcrMode
{
    /// <summary>Chosen by the engine: sparse text for a screen, one line for a one-row region.</summary>
    Auto,

    /// <summary>A page of text in blocks and columns (Tesseract page segmentation 3).</summary>
    Page,

    /// <summary>Text anywhere, as much as possible, in no particular order (11): a whole screen of UI.</summary>
    SparseText,

    /// <summary>One line of text (7).</summary>
    SingleLine,

    /// <summary>One word (8; the graphical path closes gaps wider than a letter and reads the word as one line, 7).</summary>
    SingleWord,

    /// <summary>One character (10).</summary>
    SingleCharacter,
}
