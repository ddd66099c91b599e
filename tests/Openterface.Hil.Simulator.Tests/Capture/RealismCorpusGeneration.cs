using Openterface.Hil.Imaging;

namespace Openterface.Hil.Simulator.Tests.Capture;

/// <summary>
/// Writes the MS2109 variants of the OCR corpora through the simulator's own capture model: every clean console
/// screen (fixtures/screens/ocr/*_clean.png) and every graphical screen (fixtures/screens/ocr/graphical/) gets a
/// NAME_..._ms2109.jpg (scaled as the chip would, JPEG q80 4:2:2) with the same true text. Explicit: run it on
/// purpose after changing the model or the clean screens, then review and commit the images.
/// </summary>
[Explicit("Writes fixtures/screens/ocr; run on purpose")]
public sealed class RealismCorpusGeneration
{
    [Test]
    public void Generate_the_ms2109_variants_of_the_ocr_corpora()
    {
        var root = Path.Combine(RepositoryRoot(), "fixtures", "screens", "ocr");
        var model = new CaptureModel(new CaptureModelOptions());
        var written = 0;
        foreach (var clean in Directory.EnumerateFiles(root, "*_clean.png", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var picture = ImageCodec.Load(clean);
            var target = clean[..^"_clean.png".Length] + "_ms2109.jpg";
            File.WriteAllBytes(target, model.Capture(picture));
            File.Copy(Path.ChangeExtension(clean, ".txt"), Path.ChangeExtension(target, ".txt"), overwrite: true);
            written++;
        }

        TestContext.Out.WriteLine($"{written} MS2109 variants under {root}");
        Assert.That(written, Is.GreaterThan(0));
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Openterface.Hil.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (Openterface.Hil.sln) not found above " + AppContext.BaseDirectory);
    }
}
