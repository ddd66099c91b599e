using System.Diagnostics;

namespace Openterface.Hil.Cli.Tests.Reporting;

/// <summary>Runs the built `hil` CLI (hil.dll next to the tests) as a child process.</summary>
internal static class HilProcess
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        IReadOnlyDictionary<string, string?> environment, string workingDirectory, params string[] arguments)
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
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
