using System.Drawing;

namespace Openterface.Hil.Imaging.Ocr;

/// <summary>
/// The graphical path: crop, <see cref="GraphicalPreprocessor"/> (scale normalisation, per-row binarisation),
/// Tesseract with the page segmentation for the mode (sparse text for a screen), then words re-assembled into
/// screen rows (<see cref="RowAssembler"/>) with boxes in frame coordinates.
/// </summary>
internal static class GraphicalTextReader
{
    internal static OcrResult Read(TesseractEngine engine, Frame frame, Rectangle region, OcrMode mode, string? whitelist)
    {
        using var crop = frame.Crop(region);
        using var grey = crop.ToGray();
        var prepared = GraphicalPreprocessor.Prepare(grey.Pixels, grey.Width, grey.Height, frame.Height);
        var pageSegMode = TesseractReader.PageSegMode(mode, TesseractNative.PageSegModeSparseText);
        var words = engine.Recognize(prepared.Pixels, prepared.Width, prepared.Height, pageSegMode, whitelist).SelectMany(line => line);
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
