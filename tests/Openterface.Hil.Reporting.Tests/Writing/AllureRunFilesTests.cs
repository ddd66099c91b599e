using System.Text.Json;
using System.Text.RegularExpressions;

namespace Openterface.Hil.Reporting.Tests;

public sealed class AllureRunFilesTests
{
    [Test]
    public void Categories_separate_setup_errors_rig_faults_product_failures_and_flaky_tests()
    {
        using var dir = new TempDirectory();
        new AllureResultsWriter(dir.Path).WriteCategories(AllureRunFiles.Categories);
        var json = JsonDocument.Parse(File.ReadAllBytes(dir.Combine("categories.json"))).RootElement;
        var setup = json[0];
        var setupRegex = new Regex(setup.GetProperty("messageRegex").GetString()!);
        var rig = json[1];
        var regex = new Regex(rig.GetProperty("messageRegex").GetString()!);
        const string missingLibrary = "Setup error: Openterface.Hil.NativeLibraryMissingException : Native library 'libhilcv.so' could not be loaded.";
        Assert.Multiple(() =>
        {
            Assert.That(setup.GetProperty("name").GetString(), Is.EqualTo("Setup"));
            Assert.That(setup.GetProperty("matchedStatuses")[0].GetString(), Is.EqualTo("broken"));
            Assert.That(setupRegex.IsMatch(missingLibrary + "\n  ----> Openterface.Hil.RigFaultException : no frames"), Is.True);
            Assert.That(setupRegex.IsMatch("Rig fault: Openterface.Hil.RigFaultException : no frames for 5s"), Is.False);
            Assert.That(rig.GetProperty("name").GetString(), Is.EqualTo("Rig fault"));
            Assert.That(rig.GetProperty("matchedStatuses")[0].GetString(), Is.EqualTo("broken"));
            Assert.That(regex.IsMatch("Rig fault: Openterface.Hil.RigFaultException : no frames for 5s\nsecond line"), Is.True);
            Assert.That(regex.IsMatch("Openterface.Hil.ExpectationFailedException : Needle not found"), Is.False);
            Assert.That(regex.IsMatch(missingLibrary + " RigFaultException"), Is.False);
            Assert.That(json[2].GetProperty("name").GetString(), Is.EqualTo("Product failure"));
            Assert.That(json[2].GetProperty("matchedStatuses")[0].GetString(), Is.EqualTo("failed"));
            Assert.That(json[3].GetProperty("name").GetString(), Is.EqualTo("Flaky"));
            Assert.That(json[3].GetProperty("flaky").GetBoolean(), Is.True);
        });
    }

    [Test]
    public void Environment_properties_are_escaped_and_sorted()
    {
        using var dir = new TempDirectory();
        new AllureResultsWriter(dir.Path).WriteEnvironment(new Dictionary<string, string>
        {
            ["Target"] = "sim:console",
            ["Capture mode"] = "MJPG 1920x1080@30",
            ["Chip"] = "CH9329 v1.3\nline",
        });
        var lines = File.ReadAllLines(dir.Combine("environment.properties"));
        Assert.That(lines, Is.EqualTo(new[] { @"Capture\ mode=MJPG 1920x1080@30", @"Chip=CH9329 v1.3\nline", "Target=sim:console" }));
    }

    [Test]
    public void Executor_describes_a_github_actions_run()
    {
        var env = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_REPOSITORY"] = "acme/rig",
            ["GITHUB_RUN_ID"] = "99",
            ["GITHUB_RUN_NUMBER"] = "12",
            ["GITHUB_WORKFLOW"] = "hil",
        };
        var executor = AllureRunFiles.DetectExecutor(k => env.GetValueOrDefault(k));
        Assert.Multiple(() =>
        {
            Assert.That(executor.Type, Is.EqualTo("github"));
            Assert.That(executor.BuildUrl, Is.EqualTo("https://github.com/acme/rig/actions/runs/99"));
            Assert.That(executor.BuildOrder, Is.EqualTo(12));
        });
    }

    [Test]
    public void Executor_falls_back_to_the_local_machine()
    {
        var executor = AllureRunFiles.DetectExecutor(_ => null);
        Assert.That(executor.Type, Is.EqualTo("local"));
    }
}
