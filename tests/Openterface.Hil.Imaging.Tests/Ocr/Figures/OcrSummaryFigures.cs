using System.Diagnostics;
using System.Drawing;
using Openterface.Hil.Imaging.Tests.Ocr.Corpus;
using Openterface.Hil.TestSupport;

namespace Openterface.Hil.Imaging.Tests.Ocr.Figures;

/// <summary>
/// The OCR rows of ci/bench --summary, ours beside the tesseract CLI in the same run: the 400x60 region read of a
/// 720x400 BIOS screen, and the character error rate on a quick console subset and on the whole graphical corpus
/// (clean and MS2109). Explicit: minutes of CLI runs. Figures only, no timed assert.
/// </summary>
[Explicit("ci/bench --summary figures: minutes of tesseract CLI runs")]
[Category("Bench")]
public sealed class OcrSummaryFigures
{
    private static readonly string[] ConsoleScreens = ["bios-main", "grub-menu", "login", "shell-dense"];

    [Test]
    public void Region_read_time_ours_and_the_tesseract_cli()
    {
        using var recognizer = new TextRecognizer();
        using var frame = ImageCodec.Load(Path.Combine(OcrCorpus.Directory, "bios-main_native_jpeg.jpg"));
        var region = new Rectangle(0, 128, 400, 60);
        var crop = Path.Combine(Path.GetTempPath(), $"hil-ocr-figures-{Environment.ProcessId}.png");
        using (var cropped = frame.Crop(region))
        {
            cropped.Save(crop);
        }

        try
        {
            _ = recognizer.Read(frame, region, OcrEngineKind.Tesseract);
            _ = recognizer.Read(frame, region, OcrEngineKind.Console);
            var cli = BenchFigures.Median(Enumerable.Range(0, 3).Select(_ => Time(() => TesseractCli.Read(crop))));
            var tesseract = BenchFigures.Median(Enumerable.Range(0, 9).Select(_ => Time(() => recognizer.Read(frame, region, OcrEngineKind.Tesseract))));
            var console = BenchFigures.Median(Enumerable.Range(0, 15).Select(_ => Time(() => recognizer.Read(frame, region, OcrEngineKind.Console))));
            BenchFigures.Write("ocr.region.tesseract", tesseract, cli, "tesseract CLI", "ms", "400x60 of a 720x400 BIOS screen, median");
            BenchFigures.Write("ocr.region.console", console, cli, "tesseract CLI", "ms", "400x60 of a 720x400 BIOS screen, median");
        }
        finally
        {
            File.Delete(crop);
        }

        Assert.Pass();
    }

    [Test]
    public void Character_error_rates_ours_and_the_tesseract_cli()
    {
        using var recognizer = new TextRecognizer();
        var console = OcrCorpus.Entries()
            .Where(e => ConsoleScreens.Contains(e.Screen) && e.Resolution is "native" or "1024x768" && e.Degradation is "clean" or "ms2109")
            .ToList();
        var graphical = GraphicalCorpus.Entries();
        foreach (var (name, entries) in new[]
        {
            ("console.clean", console.Where(e => e.Degradation == "clean")), ("console.ms2109", console.Where(e => e.Degradation == "ms2109")),
            ("graphical.clean", graphical.Where(e => e.Degradation == "clean")), ("graphical.ms2109", graphical.Where(e => e.Degradation == "ms2109")),
        })
        {
            long oursErrors = 0, cliErrors = 0, length = 0;
            var engines = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                using var frame = ImageCodec.Load(entry.ImagePath);
                var result = recognizer.Read(frame);
                engines.Add(result.Engine.ToString().ToLowerInvariant());
                var ours = CharacterErrorRate.Measure(result.Text, entry.Truth);
                var cli = CharacterErrorRate.Measure(TesseractCli.Read(entry.ImagePath), entry.Truth);
                oursErrors += ours.Errors;
                cliErrors += cli.Errors;
                length += ours.Length;
                TestContext.Progress.WriteLine($"{entry}: ours {ours.Errors}/{ours.Length} ({result.Engine}), cli {cli.Errors}");
            }

            BenchFigures.Write($"ocr.cer.{name}", 100.0 * oursErrors / length, 100.0 * cliErrors / length, "tesseract CLI", "% CER",
                $"{entries.Count()} images, engine {string.Join('+', engines)}");
        }

        Assert.Pass();
    }

    private static double Time(Action action)
    {
        var started = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
