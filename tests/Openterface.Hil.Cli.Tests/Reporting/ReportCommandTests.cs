using System.Text.Json;
using Openterface.Hil.Reporting;

namespace Openterface.Hil.Cli.Tests.Reporting;

public sealed class ReportCommandTests
{
    private static readonly Dictionary<string, string?> Inherit = [];

    [Test]
    public void Report_verb_is_registered_with_its_options()
    {
        var report = CommandCatalog.CreateAll().Single(c => c.Name == "report");
        Assert.That(report.Options.Select(o => o.Name), Is.SupersetOf(new[] { "--results", "--out", "--single-file", "--json" }));
    }

    [Test]
    public async Task A_missing_results_folder_fails_with_a_remedy()
    {
        var work = Directory.CreateTempSubdirectory("hil-cli-report-");
        try
        {
            var (exitCode, _, stderr) = await HilProcess.RunAsync(Inherit, work.FullName, "report", "--results", Path.Combine(work.FullName, "nope"));
            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.Not.Zero);
                Assert.That(stderr, Does.StartWith("hil: ").And.Contain("does not exist").And.Contain("--results DIR"));
            });
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Test]
    public async Task A_missing_allure_tool_names_ci_setup()
    {
        var work = Directory.CreateTempSubdirectory("hil-cli-report-");
        try
        {
            var results = WriteOneResult(work.FullName);
            var environment = new Dictionary<string, string?> { ["HIL_ALLURE"] = Path.Combine(work.FullName, "no-allure") };
            var (exitCode, _, stderr) = await HilProcess.RunAsync(environment, work.FullName, "report", "--results", results);
            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.Not.Zero);
                Assert.That(stderr, Does.Contain("HIL_ALLURE").And.Contain("no-allure").And.Contain("ci/setup"));
            });
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Report_generates_a_single_file_report_and_prints_where_it_is()
    {
        var work = Directory.CreateTempSubdirectory("hil-cli-report-");
        try
        {
            var results = WriteOneResult(work.FullName);
            var output = Path.Combine(work.FullName, "report");
            var (exitCode, stdout, stderr) = await HilProcess.RunAsync(Inherit, work.FullName,
                "report", "--results", results, "--out", output, "--single-file", "--json");
            Assert.That(exitCode, Is.Zero, stderr);
            var json = JsonDocument.Parse(stdout).RootElement;
            var index = json.GetProperty("index").GetString()!;
            Assert.Multiple(() =>
            {
                Assert.That(index, Is.EqualTo(Path.Combine(output, "index.html")));
                Assert.That(json.GetProperty("results").GetInt32(), Is.EqualTo(1));
                Assert.That(File.ReadAllText(index), Does.Contain("<html").And.Not.Contain("googletagmanager"));
            });
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Several_results_folders_merge_into_one_report()
    {
        var work = Directory.CreateTempSubdirectory("hil-cli-report-");
        try
        {
            var runnerA = WriteOneResult(Path.Combine(work.FullName, "runner-a"), "Shows_login_on_runner_a");
            var runnerB = WriteOneResult(Path.Combine(work.FullName, "runner-b"), "Shows_login_on_runner_b");
            var output = Path.Combine(work.FullName, "report");
            var (exitCode, stdout, stderr) = await HilProcess.RunAsync(Inherit, work.FullName,
                "report", "--results", runnerA, "--results", runnerB, "--out", output, "--json");
            Assert.That(exitCode, Is.Zero, stderr);
            var reportText = string.Concat(Directory.EnumerateFiles(output, "*.json", SearchOption.AllDirectories).Select(File.ReadAllText));
            Assert.Multiple(() =>
            {
                Assert.That(JsonDocument.Parse(stdout).RootElement.GetProperty("results").GetInt32(), Is.EqualTo(2));
                Assert.That(reportText, Does.Contain("Shows_login_on_runner_a").And.Contain("Shows_login_on_runner_b"), "the report holds the tests of both folders");
            });
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string WriteOneResult(string directory, string name = "Shows_login")
    {
        var results = Path.Combine(directory, "allure-results");
        var test = new AllureTestCase(new AllureResultsWriter(results),
            new AllureTestDescription(name, $"Cli.Tests.{name}", $"Cli.Tests.{name}", [new AllureLabel("suite", "Cli")], [], []),
            TimeProvider.System);
        test.Finish(AllureStatus.Passed);
        return results;
    }
}
