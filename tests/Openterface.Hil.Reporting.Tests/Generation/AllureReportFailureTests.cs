namespace Openterface.Hil.Reporting.Tests;

public sealed class AllureReportFailureTests
{
    [Test]
    public async Task A_failing_allure_run_reports_its_stderr()
    {
        using var dir = new TempDirectory();
        var fake = FakeAllure(dir, "#!/bin/sh\necho 'results are corrupt: bad json' >&2\nexit 3\n");
        var results = dir.Combine("results");
        ResultsFolder.Start(results).Finish(AllureStatus.Passed);

        var error = Assert.ThrowsAsync<HilException>(() =>
            new AllureReportGenerator(fake).GenerateAsync(new AllureReportRequest(results, dir.Combine("out"), false)));
        Assert.That(error!.Message, Does.Contain("exit code 3").And.Contain("results are corrupt: bad json"));
    }

    [Test]
    public async Task Regenerating_into_a_previous_report_folder_replaces_it()
    {
        using var dir = new TempDirectory();
        var fake = FakeAllure(dir, "#!/bin/sh\n# allure generate RESULTS --output OUT ...\nmkdir -p \"$4\" && echo '<html>new</html>' > \"$4/index.html\"\n");
        var results = dir.Combine("results");
        ResultsFolder.Start(results).Finish(AllureStatus.Passed);
        var output = Directory.CreateDirectory(dir.Combine("report")).FullName;
        await File.WriteAllTextAsync(Path.Combine(output, "index.html"), "<html>old</html>");
        await File.WriteAllTextAsync(Path.Combine(output, "stale.js"), "old");

        var report = await new AllureReportGenerator(fake).GenerateAsync(new AllureReportRequest(results, output, false));
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(report.IndexPath), Does.Contain("new"));
            Assert.That(File.Exists(Path.Combine(output, "stale.js")), Is.False);
        });
    }

    [Test]
    public void An_empty_results_folder_is_refused_with_a_remedy()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine("results"));
        Assert.That(() => new AllureReportGenerator("/bin/false").GenerateAsync(new AllureReportRequest(dir.Combine("results"), dir.Combine("out"), false)),
            Throws.InstanceOf<HilException>().With.Message.Contains("Run the tests first"));
    }

    [Test]
    public void A_non_report_output_folder_is_not_overwritten()
    {
        using var dir = new TempDirectory();
        var results = dir.Combine("results");
        ResultsFolder.Start(results).Finish(AllureStatus.Passed);
        var output = Directory.CreateDirectory(dir.Combine("precious")).FullName;
        File.WriteAllText(Path.Combine(output, "thesis.txt"), "keep me");
        Assert.That(() => new AllureReportGenerator("/bin/false").GenerateAsync(new AllureReportRequest(results, output, false)),
            Throws.InstanceOf<HilException>().With.Message.Contains("refusing to overwrite"));
        Assert.That(File.Exists(Path.Combine(output, "thesis.txt")), Is.True);
    }

    [Test]
    public void Config_enables_single_file_mode_for_the_awesome_report()
    {
        var config = AllureReportGenerator.BuildConfig(new AllureReportRequest("r", "o", SingleFile: true, ReportName: "Nightly"));
        Assert.That(config, Does.Contain("\"singleFile\": true").And.Contain("\"awesome\"").And.Contain("Nightly"));
    }

    /// <summary>A shell script standing in for allure (POSIX only).</summary>
    private static string FakeAllure(TempDirectory dir, string script)
    {
        var path = dir.Combine("allure");
        File.WriteAllText(path, script);
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Needs a POSIX shell script as a stand-in for allure.");
        }
        else
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
