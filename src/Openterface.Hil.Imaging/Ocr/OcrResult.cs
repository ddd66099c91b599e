namespace Openterface.Hil.Imaging;

/// <summary>
/// Text recognised in a frame or region. <see cref="Text"/> has lines separated by '\n' and no trailing spaces;
/// <see cref="Confidence"/> is in [0, 1]; word boxes are in frame coordinates.
/// </summary>
public sealed record OcrResult(string Text, IReadOnlyList<OcrWord> Words, OcrEngineKind Engine, double Confidence)
{
    /// <summary>Where each word starts in <see cref="Text"/> (same order as <see cref="Words"/>), for regex boxes.</summary>
    internal IReadOnlyList<int> WordOffsets { get; init; } = [];

    /// <summary>Set by the console reader: the cell size in frame pixels, so a match inside a word gets an exact box.</summary>
    internal System.Drawing.SizeF CellSize { get; init; }
}
