using System.Diagnostics;

namespace Openterface.Hil.NUnit.Tests;

/// <summary>Runs tests/Openterface.Hil.NUnit.TestData (built alongside this project) as a child process.</summary>
internal sealed class TestDataProcess : IDisposable
{
    private readonly Process process;

    private TestDataProcess(Process process)
    {
        this.process = process;
    }

    public int Id => process.Id;

    public static string AssemblyPath
    {
        get
        {
            var mine = AppContext.BaseDirectory;
            var path = Path.Combine(mine.Replace("Openterface.Hil.NUnit.Tests", "Openterface.Hil.NUnit.TestData", StringComparison.Ordinal),
                "Openterface.Hil.NUnit.TestData.dll");
            Assert.That(File.Exists(path), Is.True, $"'{path}' is missing: build tests/Openterface.Hil.NUnit.Tests (it builds the test data project).");
            return path;
        }
    }

    public static TestDataProcess Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AssemblyPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The child must not see this machine's rig configuration.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("HIL_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        return new TestDataProcess(Process.Start(start)!);
    }

    /// <summary>Waits for a line starting with <paramref name="prefix"/> on stdout (or fails with stderr).</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }
        }

        Assert.Fail($"child exited without printing '{prefix}': {await process.StandardError.ReadToEndAsync()}");
        return string.Empty;
    }

    public async Task<(int ExitCode, string Stdout, string Stderr)> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>SIGKILL (Process.Kill on Unix), then wait for the process to be gone.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
        }

        process.Dispose();
    }
}
