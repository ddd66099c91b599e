using System.Drawing;

namespace Openterface.Hil.Imaging.Ocr;

/// <summary>
/// The graphical path: crop, <see cref="GraphicalPreprocessor"/> (scale normalisation, per-row binarisation),
/// wide gaps squeezed in single-word mode (<see cref="WordSqueeze"/>), O read for zero in codes (<see cref="DigitContext"/>),
/// Tesseract with the page segmentation for the mode (sparse text for a screen), then words re-assembled into
/// screen rows (<see cref="RowAssembler"/>) with boxes in frame coordinates.
/// </summary>
internal static class GraphicalTextReader
{
    internal static OcrResult Read(TesseractEngine engine, Frame frame, Rectangle region, OcrMode mode, string? whitelist)
    {
        using var crop = frame.Crop(region);
        using var grey = crop.ToGray();
        var prepared = GraphicalPreprocessor.Prepare(grey.Pixels, grey.Width, grey.Height, frame.Height, out var rowHeight);
        var pageSegMode = TesseractReader.PageSegMode(mode, TesseractNative.PageSegModeSparseText);
        var input = prepared;
        int[]? sourceColumn = null;
        if (mode == OcrMode.SingleWord)
        {
            // Squeezed, the word reads as a line: Tesseract 5's word mode read the squeezed 'UJJM' keys as 'uM'.
            (input, sourceColumn) = WordSqueeze.Squeeze(prepared, Math.Max(2, rowHeight / 5));
            pageSegMode = TesseractNative.PageSegModeSingleLine;
        }

        var zeros = whitelist is null || whitelist.Contains('0', StringComparison.Ordinal);
        var words = engine.Recognize(input.Pixels, input.Width, input.Height, pageSegMode, whitelist).SelectMany(line => line)
            .Select(w => zeros ? (Text: DigitContext.Zeros(w.Text), w.Box, w.Confidence) : w).ToList();
        if (sourceColumn is not null && words.Count > 0)
        {
            var box = words.Select(w => w.Box).Aggregate(Rectangle.Union);
            words = [(string.Concat(words.Select(w => w.Text)), Rectangle.FromLTRB(
                sourceColumn[Math.Clamp(box.Left, 0, sourceColumn.Length - 1)], box.Top,
                sourceColumn[Math.Clamp(box.Right - 1, 0, sourceColumn.Length - 1)] + 1, box.Bottom), words.Min(w => w.Confidence))];
        }

        var builder = new OcrTextBuilder();
        var confidence = 0.0;
        var count = 0;
        foreach (var row in RowAssembler.Rows(words))
        {
            builder.StartLine(string.Join(' ', row.Select(w => w.Text)));
            var column = 0;
            foreach (var (text, box, wordConfidence) in row)
            {
                builder.AddWord(column, text, TesseractReader.ToFrame(box, prepared, region), wordConfidence / 100.0);
                column += text.Length + 1;
                confidence += wordConfidence / 100.0;
                count++;
            }
        }

        return builder.Build(OcrEngineKind.Graphical, count == 0 ? 0 : confidence / count);
    }
}
