using Openterface.Hil.Imaging.Tests.Ocr.Corpus;

namespace Openterface.Hil.Imaging.Tests.Ocr;

/// <summary>Regenerates fixtures/screens/ocr. Explicit: run it on purpose, then review and commit the images.</summary>
[Explicit("Writes fixtures/screens/ocr; run on purpose")]
public sealed class OcrCorpusGeneration
{
    [Test]
    public void Generate_the_ocr_corpus()
    {
        var written = OcrCorpusGenerator.Generate(OcrCorpus.Directory);

        Assert.That(written, Has.Count.GreaterThan(0));
        TestContext.Out.WriteLine($"{written.Count} images in {OcrCorpus.Directory}");
    }
}
