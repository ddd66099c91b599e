using System.Diagnostics;
using System.Globalization;

namespace Openterface.Hil.Farm.Tests;

/// <summary>
/// One runner host: tests/Openterface.Hil.Farm.TestData (built alongside) running one category of HilTest suites
/// against the farm, with its own HIL_RUNNER name and Allure results folder.
/// </summary>
internal sealed class FarmRunner : IDisposable
{
    private readonly Process process;
    private readonly Task<string> stdout;
    private readonly Task<string> stderr;

    private FarmRunner(string name, string results, Process process)
    {
        Name = name;
        Results = results;
        this.process = process;
        stdout = process.StandardOutput.ReadToEndAsync();
        stderr = process.StandardError.ReadToEndAsync();
    }

    public string Name { get; }

    public string Results { get; }

    public static string Folder
    {
        get
        {
            var folder = AppContext.BaseDirectory.Replace("Openterface.Hil.Farm.Tests", "Openterface.Hil.Farm.TestData", StringComparison.Ordinal);
            Assert.That(File.Exists(Path.Combine(folder, "Openterface.Hil.Farm.TestData.dll")), Is.True,
                $"'{folder}' has no Openterface.Hil.Farm.TestData.dll: build tests/Openterface.Hil.Farm.Tests (it builds the runner project).");
            return folder;
        }
    }

    public static FarmRunner Start(string name, string pool, string category, string results, TimeSpan ttl, TimeSpan hold)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Folder };
        foreach (var argument in new[] { Path.Combine(Folder, "Openterface.Hil.Farm.TestData.dll"), "run", results, category })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("HIL_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["HIL_POOL"] = pool;
        start.Environment["HIL_RUNNER"] = name;
        start.Environment["HIL_LEASE_TTL"] = ttl.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        start.Environment["HIL_NEEDLES"] = Path.Combine(Folder, "needles");
        start.Environment["FARM_TEST_HOLD"] = hold.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        return new FarmRunner(name, results, Process.Start(start)!);
    }

    /// <summary>SIGKILL: the runner host dies mid-test; its lease is left to expire.</summary>
    public void KillHard() => process.Kill(entireProcessTree: false);

    /// <summary>Waits for the runner to finish; returns its summary output (stdout and stderr).</summary>
    public async Task<(int ExitCode, string Output)> WaitAsync(CancellationToken cancellationToken)
    {
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        process.Dispose();
    }
}
