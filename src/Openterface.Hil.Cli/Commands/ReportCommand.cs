using System.CommandLine;
using System.Text.Json;
using Openterface.Hil.Reporting;

namespace Openterface.Hil.Cli.Commands;

/// <summary>`hil report`: Allure HTML from one or more Allure results folders (merged), through the Allure 3 tool ci/setup installs.</summary>
internal sealed class ReportCommand : ICommandFactory
{
    public Command Create()
    {
        var results = new Option<string[]>("--results")
        {
            Description = "Allure results folder (default: $HIL_ALLURE_RESULTS or reports/allure-results); repeat it to merge several (one per runner) into one report",
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string?>("--out") { Description = "Report folder (default: reports/allure-report)" };
        var singleFile = new Option<bool>("--single-file") { Description = "One self-contained index.html that opens from file://" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object describing the report" };
        var command = new Command("report", "Generate the Allure HTML report from Allure results.");
        command.Options.Add(results);
        command.Options.Add(output);
        command.Options.Add(singleFile);
        command.Options.Add(json);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                var root = AllureResultsLocation.BaseFolder(Directory.GetCurrentDirectory());
                var given = (parseResult.GetValue(results) ?? []).Where(r => r.Length > 0).Select(Path.GetFullPath).ToList();
                var resultsDirectory = given.Count > 0 ? given[0] : AllureResultsLocation.ResolveResults(null, root, Environment.GetEnvironmentVariable);
                var outputDirectory = Path.GetFullPath(parseResult.GetValue(output) ?? Path.Combine(root, AllureResultsLocation.DefaultReport));
                var allure = AllureTool.Locate(AllureTool.DefaultStartDirectories(), Environment.GetEnvironmentVariable);
                var report = await new AllureReportGenerator(allure).GenerateAsync(
                    new AllureReportRequest(resultsDirectory, outputDirectory, parseResult.GetValue(singleFile)) { MoreResults = [.. given.Skip(1)] },
                    cancellationToken).ConfigureAwait(false);
                Print(report, parseResult.GetValue(json));
                return 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return CliErrors.Report(e);
            }
        });
        return command;
    }

    private static void Print(AllureReport report, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                report = report.Directory,
                index = report.IndexPath,
                results = report.ResultCount,
                singleFile = report.SingleFile,
            }));
            return;
        }

        Console.WriteLine($"Allure report from {report.ResultCount} result(s): {report.IndexPath}");
        Console.WriteLine(report.SingleFile
            ? $"Open it directly: file://{report.IndexPath}"
            : $"Serve it over HTTP, e.g. 'python3 -m http.server -d {report.Directory}' (or use --single-file to open it from file://).");
    }
}
