using System.Text;
using Openterface.Hil.Imaging.Fonts;

namespace Openterface.Hil.Imaging.Tests.Ocr.Corpus;

/// <summary>
/// Writes the OCR corpus: every <see cref="FirmwareScreens"/> screen at its native size and scaled to 1024x768
/// and 1920x1080, each clean (PNG), JPEG-recompressed (q 75-85) and blurred (sigma 0.6-0.8 px) then JPEG.
/// Deterministic (fixed seed). File names: screen_resolution_degradation.ext, truth in a sibling .txt.
/// </summary>
internal static class OcrCorpusGenerator
{
    internal static IReadOnlyList<string> Generate(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        var random = new Random(20210413);
        var written = new List<string>();
        foreach (var screen in FirmwareScreens.All())
        {
            var font = PsfFont.Load(screen.Font);
            EnsureDrawable(screen, font);
            using var native = new TextGridRenderer(font, screen.NineDotCells).Render(screen.Grid);
            var truth = screen.Grid.ToText().TrimEnd('\n') + "\n";
            foreach (var (label, width, height) in new[] { ("native", native.Width, native.Height), ("1024x768", 1024, 768), ("1920x1080", 1920, 1080) })
            {
                using var scaled = width == native.Width && height == native.Height ? native.Share() : native.Resize(width, height);
                var stem = Path.Combine(directory, $"{screen.Name}_{label}_");
                written.Add(Write(stem + "clean.png", scaled.EncodePng(9), truth));
                written.Add(Write(stem + "jpeg.jpg", CaptureDegradation.Jpeg(scaled, random.Next(75, 86)), truth));
                using var blurred = CaptureDegradation.Blur(scaled, 0.6 + (random.NextDouble() * 0.2));
                written.Add(Write(stem + "blurjpeg.jpg", CaptureDegradation.Jpeg(blurred, random.Next(75, 86)), truth));
            }
        }

        return written;
    }

    private static string Write(string path, byte[] image, string truth)
    {
        File.WriteAllBytes(path, image);
        File.WriteAllText(Path.ChangeExtension(path, ".txt"), truth);
        return path;
    }

    private static void EnsureDrawable(CorpusScreen screen, PsfFont font)
    {
        foreach (var c in screen.Grid.ToText())
        {
            if (c != '\n' && !font.CanDraw(new Rune(c)))
            {
                throw new InvalidOperationException($"Screen '{screen.Name}': font '{screen.Font}' cannot draw '{c}' (U+{(int)c:X4}).");
            }
        }
    }
}
