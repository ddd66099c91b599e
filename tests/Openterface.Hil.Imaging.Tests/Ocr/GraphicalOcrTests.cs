using Openterface.Hil.Imaging.Tests.Ocr.Corpus;

namespace Openterface.Hil.Imaging.Tests.Ocr;

/// <summary>
/// The graphical path on the graphical corpus (UEFI setup and installer screens, 800x600 to 1920x1080, clean and
/// through the MS2109 capture model). The goal is at most 2 % CER (reported by OcrComparisonReport and
/// ci/bench --summary next to the tesseract CLI); this test is a regression gate at the measured level plus margin.
/// </summary>
public sealed class GraphicalOcrTests
{
    private const double RegressionGate = GraphicalGate.Cer;

    private static readonly TextRecognizer Recognizer = new();

    [OneTimeTearDown]
    public static void DisposeRecognizer() => Recognizer.Dispose();

    [Test]
    public void Auto_reads_the_graphical_corpus_with_the_graphical_path_within_the_regression_gate()
    {
        var entries = GraphicalCorpus.Entries();
        var errors = new Dictionary<string, (long Errors, long Length)>(StringComparer.Ordinal);
        var details = new List<string>();
        var engines = new HashSet<OcrEngineKind>();
        foreach (var entry in entries)
        {
            using var frame = ImageCodec.Load(entry.ImagePath);
            var result = Recognizer.Read(frame);
            engines.Add(result.Engine);
            var (e, n) = CharacterErrorRate.Measure(result.Text, entry.Truth);
            var sum = errors.GetValueOrDefault(entry.Degradation);
            errors[entry.Degradation] = (sum.Errors + e, sum.Length + n);
            details.Add($"{entry}: {e}/{n} ({(double)e / n:P2}, {result.Engine})");
        }

        var cer = errors.ToDictionary(v => v.Key, v => (double)v.Value.Errors / v.Value.Length, StringComparer.Ordinal);
        foreach (var (variant, (e, n)) in errors)
        {
            TestContext.Out.WriteLine($"Graphical corpus, {variant}: CER {cer[variant]:P2} ({e}/{n}).");
        }

        details.ForEach(TestContext.Out.WriteLine);
        Assert.Multiple(() =>
        {
            Assert.That(entries, Has.Count.GreaterThanOrEqualTo(16), "8 screens, clean and MS2109");
            Assert.That(errors.Keys, Is.EquivalentTo(new[] { "clean", "ms2109" }));
            Assert.That(engines, Is.EquivalentTo(new[] { OcrEngineKind.Graphical }));
            Assert.That(cer.Values, Has.All.LessThanOrEqualTo(RegressionGate), string.Join('\n', details));
        });
    }

    [Test]
    public void Words_of_a_setting_row_come_back_in_screen_order_with_boxes_on_the_value()
    {
        using var frame = ImageCodec.Load(Path.Combine(GraphicalCorpus.Directory, "uefi-network_1024x768_clean.png"));

        var result = Recognizer.Read(frame);
        var ip = result.Words.First(w => w.Text == "192.168.10.11");

        Assert.Multiple(() =>
        {
            Assert.That(result.Text, Does.Contain("IPv4 Address 192.168.10.11"));
            Assert.That(ip.Bounds.X, Is.InRange(370, 390), "the value column starts at x=379");
            Assert.That(ip.Bounds.Y, Is.InRange(212, 232));
        });
    }
}
