using System.Diagnostics;
using System.Text.Json;

namespace Openterface.Hil.Cli.Tests.Packaging;

/// <summary>
/// What a QA team does in its own repository, end to end: ci/pack makes the local feed; in a folder outside this
/// repository `dotnet new install` takes the template from the feed, `dotnet new hil-nunit` makes a project, its
/// `dotnet test` passes against sim:console and writes Allure results; without libhilcv.so the same test fails as
/// a setup error naming the remedy; `dotnet tool restore` installs `hil` from the feed and `dotnet hil doctor
/// --json` reports this machine.
/// </summary>
[TestFixture]
[Category("Packaging")]
[NonParallelizable]
public sealed class PackagingTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(6);
    private string _root = null!;
    private string _feed = null!;
    private string _version = null!;

    [OneTimeSetUp]
    public async Task PackAsync()
    {
        _root = RepositoryRoot();
        _feed = Path.Combine(_root, ".cache", "packaging-test", "feed");
        var clock = Stopwatch.StartNew();
        var (code, output) = await Shell.RunAsync(_root, new Dictionary<string, string>(), Step, Path.Combine(_root, "ci", "pack"), "--out", _feed,
            // A version of its own per run: the NuGet cache keeps an earlier pack of the same version (a repeated run failed).
            "--version-suffix", $"test{Environment.TickCount64}");
        Assert.That(code, Is.Zero, output);
        await TestContext.Progress.WriteLineAsync($"ci/pack: {clock.Elapsed.TotalSeconds:F0} s\n{output}");
        var nunit = Directory.GetFiles(_feed, "Openterface.Hil.NUnit.*.nupkg").Single(f => !f.EndsWith(".snupkg", StringComparison.Ordinal));
        _version = Path.GetFileNameWithoutExtension(nunit)["Openterface.Hil.NUnit.".Length..];
    }

    [Test]
    public async Task A_project_made_from_the_template_outside_the_repository_passes_against_the_simulator()
    {
        using var outside = new OutsideFolder(_root, _feed);
        var env = outside.Environment;
        await Run(outside.Path, env, "dotnet", "new", "install", $"Openterface.Hil.Templates::{_version}", "--add-source", _feed, "--debug:custom-hive", outside.Hive);
        await Run(outside.Path, env, "dotnet", "new", "hil-nunit", "-n", "BoardTests", "--debug:custom-hive", outside.Hive);
        var project = outside.Combine("BoardTests");
        Assert.That(await File.ReadAllTextAsync(Path.Combine(project, "BoardTests.csproj")), Does.Contain($"Version=\"{_version}\""));
        AssertGeneratedAsWritten(project);

        var (code, output) = await Shell.RunAsync(project, env, Step, "dotnet", "test", "--filter", "TestCategory!=Qemu", "-warnaserror:NU1605,NU1603");
        Assert.That(code, Is.Zero, output);
        var results = Path.Combine(project, "reports", "allure-results");
        var passed = ResultStatuses(results).Where(r => r.Status == "passed").Select(r => r.Name);
        Assert.That(passed, Has.Member("Setup_opens_from_the_power_on_screen"), output);

        // Without libhilcv.so the same test is a setup error naming the remedy, not a rig fault.
        foreach (var library in Directory.GetFiles(Path.Combine(project, "bin"), "libhilcv.so", SearchOption.AllDirectories))
        {
            File.Delete(library);
        }

        Directory.Delete(results, recursive: true);
        (code, output) = await Shell.RunAsync(project, env, Step, "dotnet", "test", "--no-build", "--filter", "TestCategory!=Qemu");
        Assert.That(code, Is.Not.Zero, output);
        var broken = ResultStatuses(results).Single(r => r.Name == "Setup_opens_from_the_power_on_screen");
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("Native library 'libhilcv.so' could not be loaded").And.Contain("Reference the Openterface.Hil.NUnit"));
            Assert.That(broken.Status, Is.EqualTo("broken"));
            Assert.That(broken.Message, Does.StartWith("Setup error: ").And.Contain("libhilcv.so").And.Not.Contain("Rig fault"));
        });
    }

    [Test]
    public async Task The_hil_tool_installs_from_the_feed_and_reports_this_machine()
    {
        using var outside = new OutsideFolder(_root, _feed);
        var env = new Dictionary<string, string>(outside.Environment);
        var allure = Path.Combine(_root, ".tools", "allure", "node_modules", ".bin", "allure");
        if (File.Exists(allure))
        {
            env["HIL_ALLURE"] = allure;   // this machine's Allure lives in the repository's .tools (ci/setup)
        }

        await Run(outside.Path, env, "dotnet", "new", "tool-manifest");
        await Run(outside.Path, env, "dotnet", "tool", "install", "hil", "--version", _version, "--add-source", _feed);
        var (code, output) = await Shell.RunAsync(outside.Path, env, Step, "dotnet", "hil", "doctor", "--json");
        var json = output[output.IndexOf('{', StringComparison.Ordinal)..];
        using var report = JsonDocument.Parse(json);
        var checks = report.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(report.RootElement.GetProperty("ok").GetBoolean() ? 0 : 1), output);
            Assert.That(checks.Where(c => c.Key.StartsWith("OpenCV", StringComparison.Ordinal)).Select(c => c.Value), Is.EqualTo(new[] { "ok" }), output);
            Assert.That(checks.Keys, Has.Some.StartsWith("Tesseract").And.Some.StartsWith("QEMU").And.Some.StartsWith("Allure"));
            Assert.That(report.RootElement.GetProperty("ok").GetBoolean(), Is.True, "this machine was set up by ci/setup: " + output);
        });
    }

    private static async Task Run(string folder, IReadOnlyDictionary<string, string> env, string program, params string[] arguments)
    {
        var (code, output) = await Shell.RunAsync(folder, env, Step, program, arguments);
        Assert.That(code, Is.Zero, $"{program} {string.Join(' ', arguments)}\n{output}");
    }

    private static List<(string Name, string Status, string? Message)> ResultStatuses(string folder)
    {
        Assert.That(Directory.Exists(folder), Is.True, $"no Allure results in '{folder}'");
        return Directory.GetFiles(folder, "*-result.json").Select(file =>
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = json.RootElement;
            var message = root.TryGetProperty("statusDetails", out var details) && details.TryGetProperty("message", out var m) ? m.GetString() : null;
            return (root.GetProperty("name").GetString()!, root.GetProperty("status").GetString()!, message);
        }).ToList();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Openterface.Hil.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Openterface.Hil.sln not found above the test assembly.");
    }

    /// <summary>
    /// Every file of the generated project is the template's file with only the version filled in: packing once turned
    /// each backslash into a slash ("root\\n" typed "root/n" in the QEMU login example).
    /// </summary>
    private void AssertGeneratedAsWritten(string project)
    {
        var content = Path.Combine(_root, "templates", "content", "hil-nunit");
        var sources = Directory.GetFiles(content, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(".template.config", StringComparison.Ordinal)).ToList();
        Assert.That(sources, Has.Count.GreaterThan(5), content);
        Assert.Multiple(() =>
        {
            foreach (var source in sources)
            {
                var relative = Path.GetRelativePath(content, source);
                var expected = File.ReadAllText(source).Replace("HIL_PACKAGE_VERSION", _version, StringComparison.Ordinal);
                Assert.That(File.ReadAllText(Path.Combine(project, relative)), Is.EqualTo(expected), relative);
            }
        });
    }
}
