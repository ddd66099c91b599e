namespace Openterface.Hil.NUnit.Tests;

public sealed class RealismAndOcrSettingsTests
{
    private static readonly Func<string, string?> None = _ => null;

    [Test]
    public void Hil_json_realism_and_ocr_language_are_read_and_the_environment_overrides_them()
    {
        using var repo = new TempDirectory();
        File.WriteAllText(repo.Combine("Openterface.Hil.sln"), string.Empty);
        File.WriteAllText(repo.Combine("hil.json"), """{ "target": "sim:console", "realism": "none", "ocr": { "lang": "eng+deu" } }""");

        var fromFile = HilSettingsLoader.Load(None, None, repo.Path);
        var fromEnvironment = HilSettingsLoader.Load(None, k => k == "HIL_REALISM" ? "ms2109" : k == "HIL_OCR_LANG" ? "eng" : null, repo.Path);

        Assert.Multiple(() =>
        {
            Assert.That(fromFile.Realism, Is.EqualTo("none"));
            Assert.That(fromFile.OcrLanguage, Is.EqualTo("eng+deu"));
            Assert.That(fromEnvironment.Realism, Is.EqualTo("ms2109"));
            Assert.That(fromEnvironment.OcrLanguage, Is.EqualTo("eng"));
        });
    }
}
