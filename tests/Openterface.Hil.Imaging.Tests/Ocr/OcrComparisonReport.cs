using System.Globalization;
using System.Text;
using Openterface.Hil.Imaging.Tests.Ocr.Corpus;

namespace Openterface.Hil.Imaging.Tests.Ocr;

/// <summary>
/// Character error rates on the whole console and graphical corpora, side by side in one run: ours (auto), ours forced to
/// Tesseract (with our preprocessing), and the `tesseract` CLI with default settings. Explicit: it takes
/// minutes (two full-screen Tesseract runs per image). Writes the Markdown table to the test output and to
/// $HIL_OCR_REPORT when set; $HIL_OCR_REPORT_FILTER limits it to file names containing a string.
/// </summary>
[Explicit("Minutes of full-screen Tesseract; run for the accuracy report")]
[Category("Report")]
public sealed class OcrComparisonReport
{
    [Test]
    public void Character_error_rates_per_resolution_and_degradation()
    {
        using var recognizer = new TextRecognizer();
        var rows = new List<(CorpusEntry Entry, (int E, int N) Auto, (int E, int N) Tesseract, (int E, int N) Cli)>();
        var filter = Environment.GetEnvironmentVariable("HIL_OCR_REPORT_FILTER") ?? string.Empty;
        foreach (var entry in OcrCorpus.Entries().Concat(GraphicalCorpus.Entries()).Where(e => e.ToString().Contains(filter, StringComparison.Ordinal)))
        {
            using var frame = ImageCodec.Load(entry.ImagePath);
            var auto = CharacterErrorRate.Measure(recognizer.Read(frame).Text, entry.Truth);
            var tesseract = CharacterErrorRate.Measure(recognizer.Read(frame, engine: OcrEngineKind.Tesseract).Text, entry.Truth);
            var cli = CharacterErrorRate.Measure(Figures.TesseractCli.Read(entry.ImagePath), entry.Truth);
            rows.Add((entry, auto, tesseract, cli));
            TestContext.Progress.WriteLine($"{entry}: auto {auto.Errors}/{auto.Length}, ours-tesseract {tesseract.Errors}, cli {cli.Errors}");
        }

        var report = new StringBuilder();
        report.AppendLine("| Group | Images | Ours (auto) | Ours (Tesseract + preprocessing) | tesseract CLI default |");
        report.AppendLine("|---|---|---|---|---|");
        void Line(string name, IEnumerable<(CorpusEntry Entry, (int E, int N) Auto, (int E, int N) Tesseract, (int E, int N) Cli)> group)
        {
            var list = group.ToList();
            string Cer(Func<(CorpusEntry, (int E, int N) Auto, (int E, int N) Tesseract, (int E, int N) Cli), (int E, int N)> pick) =>
                ((double)list.Sum(r => pick(r).E) / list.Sum(r => pick(r).N)).ToString("P2", CultureInfo.InvariantCulture);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {list.Count} | {Cer(r => r.Auto)} | {Cer(r => r.Tesseract)} | {Cer(r => r.Cli)} |");
        }

        Line("all", rows);
        foreach (var group in rows.GroupBy(r => r.Entry.Resolution))
        {
            Line("resolution " + group.Key, group);
        }

        foreach (var group in rows.GroupBy(r => r.Entry.Degradation))
        {
            Line("degradation " + group.Key, group);
        }

        foreach (var group in rows.GroupBy(r => r.Entry.Screen))
        {
            Line("screen " + group.Key, group);
        }

        TestContext.Out.WriteLine(report.ToString());
        if (Environment.GetEnvironmentVariable("HIL_OCR_REPORT") is { Length: > 0 } path)
        {
            File.WriteAllText(path, report.ToString());
        }

        Assert.That(rows, Is.Not.Empty);
    }
}
