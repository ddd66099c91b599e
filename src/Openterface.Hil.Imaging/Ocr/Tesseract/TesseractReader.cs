using System.Drawing;

namespace Openterface.Hil.Imaging.Ocr;

/// <summary>The Tesseract path: crop (cropping beats SetRectangle), preprocess, recognise, map boxes back to the frame.</summary>
internal static class TesseractReader
{
    internal static OcrResult Read(TesseractEngine engine, Frame frame, Rectangle region) =>
        Read(engine, frame, region, OcrMode.Auto, null);

    internal static OcrResult Read(TesseractEngine engine, Frame frame, Rectangle region, OcrMode mode, string? whitelist)
    {
        using var crop = frame.Crop(region);
        using var grey = crop.ToGray();
        var pixelScale = Math.Max(1, frame.Height / 400.0);
        var prepared = OcrPreprocessor.Prepare(grey.Pixels, grey.Width, grey.Height, pixelScale);
        var lines = engine.Recognize(prepared.Pixels, prepared.Width, prepared.Height, PageSegMode(mode, TesseractNative.PageSegModeSingleBlock), whitelist);
        var builder = new OcrTextBuilder();
        var confidence = 0.0;
        var words = 0;
        foreach (var line in lines)
        {
            builder.StartLine(string.Join(' ', line.Select(w => w.Text)));
            var column = 0;
            foreach (var (text, box, wordConfidence) in line)
            {
                builder.AddWord(column, text, ToFrame(box, prepared, region), wordConfidence / 100.0);
                column += text.Length + 1;
                confidence += wordConfidence / 100.0;
                words++;
            }
        }

        return builder.Build(OcrEngineKind.Tesseract, words == 0 ? 0 : confidence / words);
    }

    /// <summary>Tesseract's page segmentation mode for <paramref name="mode"/>; Auto gives <paramref name="automatic"/>.</summary>
    internal static int PageSegMode(OcrMode mode, int automatic) => mode switch
    {
        OcrMode.Page => TesseractNative.PageSegModeAuto,
        OcrMode.SparseText => TesseractNative.PageSegModeSparseText,
        OcrMode.SingleLine => TesseractNative.PageSegModeSingleLine,
        OcrMode.SingleWord => TesseractNative.PageSegModeSingleWord,
        OcrMode.SingleCharacter => TesseractNative.PageSegModeSingleCharacter,
        _ => automatic,
    };

    internal static Rectangle ToFrame(Rectangle box, PreparedImage prepared, Rectangle region)
    {
        int Map(int v, int origin, int limit) =>
            Math.Clamp((int)Math.Round((double)(v - prepared.Padding) / prepared.Factor), 0, limit) + origin;

        return Rectangle.FromLTRB(
            Map(box.Left, region.X, region.Width),
            Map(box.Top, region.Y, region.Height),
            Map(box.Right, region.X, region.Width),
            Map(box.Bottom, region.Y, region.Height));
    }
}
