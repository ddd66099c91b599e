using System.Text;

namespace Openterface.Hil.Reporting.Tests;

public sealed class SecretRedactorTests
{
    [Test]
    public void No_file_in_the_results_folder_contains_a_registered_secret()
    {
        var secret = $"s3cr3t-{Guid.NewGuid():N}";
        SecretRedactor.Register(secret);
        using var dir = new TempDirectory();
        var test = ResultsFolder.Start(dir.Path, null, $"Logs_in_with_{secret}", new AllureParameter("password", secret));
        var step = new StepInfo(1, null, $"Type '{secret}'", StepKind.Action, new Dictionary<string, string> { ["text"] = secret }, ResultsFolder.Epoch);
        test.Listener.OnStepStarted(step);
        test.Listener.OnStepFinished(step, new StepOutcome(StepStatus.Failed, ResultsFolder.Epoch, new InvalidOperationException($"typed {secret}"), null,
            [new StepAttachment("Call log", "text/plain", "txt", Encoding.UTF8.GetBytes($"1. typed {secret}\n"))]));
        test.Attach("Serial transcript", "text/plain", "txt", Encoding.UTF8.GetBytes($">> {secret} <<"));
        var writer = new AllureResultsWriter(dir.Path);
        writer.WriteEnvironment(new Dictionary<string, string> { ["Login"] = secret });
        test.Finish(AllureStatus.Failed, $"Login with '{secret}' failed", $"at Login({secret})");

        var files = Directory.GetFiles(dir.Path);
        Assert.That(files, Has.Length.GreaterThanOrEqualTo(4));
        foreach (var file in files)
        {
            Assert.That(File.ReadAllText(file), Does.Not.Contain(secret), file);
        }

        var parameter = ResultsFolder.ReadResult(dir.Path).GetProperty("parameters")[0];
        Assert.Multiple(() =>
        {
            Assert.That(parameter.GetProperty("mode").GetString(), Is.EqualTo("masked"));
            Assert.That(parameter.GetProperty("value").GetString(), Is.EqualTo(SecretRedactor.Mask));
        });
    }

    [Test]
    public void Longer_secrets_are_masked_whole_before_shorter_ones()
    {
        var shortSecret = $"k{Guid.NewGuid():N}"[..12];
        var longSecret = shortSecret + "-and-more";
        SecretRedactor.Register(shortSecret);
        SecretRedactor.Register(longSecret);
        Assert.That(SecretRedactor.Redact($"a {longSecret} b {shortSecret}"), Is.EqualTo("a *** b ***"));
    }

    [Test]
    public void Empty_secrets_are_ignored()
    {
        SecretRedactor.Register("");
        SecretRedactor.Register(null);
        Assert.That(SecretRedactor.Redact("nothing to hide"), Is.EqualTo("nothing to hide"));
    }
}
