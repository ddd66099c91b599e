using Openterface.Hil.Imaging.Tests.Ocr.Corpus;

namespace Openterface.Hil.Imaging.Tests.Ocr;

/// <summary>Accuracy on the console corpus (fixtures/screens/ocr) is a correctness property: the goal is at most 0.5 % CER.</summary>
public sealed class OcrAccuracyTests
{
    private static readonly TextRecognizer Recognizer = new();

    [Test]
    public void Auto_engine_reads_the_console_corpus_with_at_most_half_a_percent_character_errors()
    {
        var entries = OcrCorpus.Entries();
        long errors = 0, length = 0;
        var worst = new List<string>();
        foreach (var entry in entries)
        {
            using var frame = ImageCodec.Load(entry.ImagePath);
            var result = Recognizer.Read(frame);
            var (e, n) = CharacterErrorRate.Measure(result.Text, entry.Truth);
            errors += e;
            length += n;
            if (e > 0)
            {
                worst.Add($"{entry}: {e}/{n} ({result.Engine}, confidence {result.Confidence:F3})");
            }
        }

        var cer = (double)errors / length;
        TestContext.Out.WriteLine($"CER {cer:P3} over {entries.Count} images ({errors}/{length}).");
        worst.ForEach(TestContext.Out.WriteLine);
        Assert.Multiple(() =>
        {
            Assert.That(entries, Has.Count.GreaterThanOrEqualTo(60), "corpus images");
            Assert.That(cer, Is.LessThanOrEqualTo(0.005), string.Join('\n', worst));
        });
    }
}
