using System.Diagnostics;

namespace Openterface.Hil.Cli.Tests.Reporting;

/// <summary>Runs the built `hil` CLI (hil.dll next to the tests) as a child process.</summary>
internal static class HilProcess
{
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        IReadOnlyDictionary<string, string?> environment, string workingDirectory, params string[] arguments) =>
        RunAsync(environment, workingDirectory, TimeSpan.FromSeconds(90), arguments);

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        IReadOnlyDictionary<string, string?> environment, string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var hil = Path.Combine(AppContext.BaseDirectory, "hil.dll");
        Assert.That(File.Exists(hil), Is.True, $"'{hil}' is missing: build tests/Openterface.Hil.Cli.Tests.");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(hil);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start)!;
        using var timeoutSource = new CancellationTokenSource(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeoutSource.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeoutSource.Token);
        await process.WaitForExitAsync(timeoutSource.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
