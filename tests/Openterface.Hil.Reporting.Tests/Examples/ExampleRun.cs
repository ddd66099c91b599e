using System.Diagnostics;

namespace Openterface.Hil.Reporting.Tests;

/// <summary>Runs tests/Openterface.Hil.Examples in a child `dotnet test` with its own Allure results folder.</summary>
internal static class ExampleRun
{
    public static string RepositoryRoot()
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

    /// <summary>Runs the examples matching <paramref name="filter"/>; returns the exit code and the output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string filter, string resultsDirectory)
    {
        var project = Path.Combine(RepositoryRoot(), "tests", "Openterface.Hil.Examples", "Openterface.Hil.Examples.csproj");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "test", project, "--no-build", "-nologo", "--filter", filter })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HIL_ALLURE_RESULTS"] = resultsDirectory;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
