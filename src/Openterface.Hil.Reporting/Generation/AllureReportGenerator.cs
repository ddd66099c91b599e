using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Openterface.Hil.Reporting;

/// <summary>What to generate: results folder in, report folder out, one self-contained page or a multi-file site.</summary>
internal sealed record AllureReportRequest(string ResultsDirectory, string OutputDirectory, bool SingleFile, string ReportName = "Openterface.Hil");

/// <summary>A generated report: its folder, the page to open and how many results it was built from.</summary>
internal sealed record AllureReport(string Directory, string IndexPath, int ResultCount, bool SingleFile, int AnalyticsScriptsRemoved);

/// <summary>
/// Runs Allure 3 (`allure generate`) over a results folder with a generated `allurerc.json` (single-file mode for
/// file:// viewing), then strips the analytics script from the page so it works offline.
/// </summary>
internal sealed class AllureReportGenerator(string allureExecutable)
{
    public string AllureExecutable { get; } = allureExecutable;

    public async Task<AllureReport> GenerateAsync(AllureReportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var results = Path.GetFullPath(request.ResultsDirectory);
        var output = Path.GetFullPath(request.OutputDirectory);
        var resultCount = CountResults(results);
        PrepareOutput(output, results);

        var work = Directory.CreateTempSubdirectory("hil-allure-");
        try
        {
            var config = Path.Combine(work.FullName, "allurerc.json");
            await File.WriteAllTextAsync(config, BuildConfig(request), cancellationToken).ConfigureAwait(false);
            var (exitCode, stdout, stderr) = await RunAsync(
                ["generate", results, "--output", output, "--config", config, "--cwd", work.FullName],
                work.FullName, cancellationToken).ConfigureAwait(false);
            var index = Path.Combine(output, "index.html");
            if (exitCode != 0 || !File.Exists(index))
            {
                var detail = string.IsNullOrWhiteSpace(stderr) ? stdout : stderr;
                throw new HilException(
                    $"Allure could not generate the report from '{results}' (exit code {exitCode}): {detail.Trim()}. Check the results folder, or re-run 'ci/setup' to reinstall Allure.");
            }

            var html = await File.ReadAllTextAsync(index, cancellationToken).ConfigureAwait(false);
            var stripped = AnalyticsStripper.Strip(html, out var removed);
            if (removed > 0)
            {
                AtomicFile.Write(index, System.Text.Encoding.UTF8.GetBytes(stripped));
            }

            return new AllureReport(output, index, resultCount, request.SingleFile, removed);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    internal static string BuildConfig(AllureReportRequest request)
    {
        var options = new JsonObject { ["reportName"] = request.ReportName, ["singleFile"] = request.SingleFile };
        var config = new JsonObject
        {
            ["name"] = request.ReportName,
            ["plugins"] = new JsonObject { ["awesome"] = new JsonObject { ["options"] = options } },
        };
        return config.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static int CountResults(string results)
    {
        if (!Directory.Exists(results))
        {
            throw new HilException(
                $"Allure results folder '{results}' does not exist. Run the tests first (they write reports/allure-results), or pass --results DIR.");
        }

        var count = Directory.EnumerateFiles(results, "*-result.json").Count();
        return count > 0
            ? count
            : throw new HilException(
                $"Allure results folder '{results}' holds no '*-result.json' files. Run the tests first, or pass --results DIR.");
    }

    private static void PrepareOutput(string output, string results)
    {
        if (string.Equals(output.TrimEnd('/'), results.TrimEnd('/'), StringComparison.Ordinal))
        {
            throw new ArgumentException($"The report folder '{output}' must differ from the results folder.");
        }

        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            if (!File.Exists(Path.Combine(output, "index.html")))
            {
                throw new HilException(
                    $"Report folder '{output}' is not empty and holds no previous report (index.html); refusing to overwrite it. Choose another --out DIR.");
            }

            Directory.Delete(output, recursive: true);
        }
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(AllureExecutable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["FORCE_COLOR"] = "0";
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new HilException(
                $"Could not start Allure '{AllureExecutable}': {e.Message}. It needs Node.js ('node' on PATH); run 'ci/setup'.", e);
        }

        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }
}
