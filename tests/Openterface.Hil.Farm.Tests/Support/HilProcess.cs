using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace Openterface.Hil.Farm.Tests;

/// <summary>A `hil` CLI process (the built Openterface.Hil.Cli), its stdout lines readable as they come.</summary>
internal sealed class HilProcess : IDisposable
{
    private readonly Process process;
    private readonly Channel<string> lines = Channel.CreateUnbounded<string>();
    private readonly Task pump;
    private readonly Task<string> stderr;

    private HilProcess(Process process)
    {
        this.process = process;
        pump = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                await lines.Writer.WriteAsync(line);
            }

            lines.Writer.Complete();
        });
        stderr = process.StandardError.ReadToEndAsync();
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public static string HilDll
    {
        get
        {
            var local = Path.Combine(AppContext.BaseDirectory, "hil.dll");
            if (File.Exists(local) && File.Exists(Path.Combine(AppContext.BaseDirectory, "hil.runtimeconfig.json")))
            {
                return local;
            }

            var built = AppContext.BaseDirectory.Replace(
                Path.Combine("tests", "Openterface.Hil.Farm.Tests"), Path.Combine("src", "Openterface.Hil.Cli"), StringComparison.Ordinal);
            return Path.Combine(built, "hil.dll");
        }
    }

    public static HilProcess Start(string pool, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HilDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("HIL_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["HIL_POOL"] = pool;
        return new HilProcess(Process.Start(start)!);
    }

    /// <summary>Waits for the next stdout line that is a JSON object; fails with stderr if the process ends first.</summary>
    public async Task<JsonElement> NextJsonAsync(CancellationToken cancellationToken)
    {
        await foreach (var line in lines.Reader.ReadAllAsync(cancellationToken))
        {
            if (line.StartsWith('{') || line.StartsWith('['))
            {
                return JsonDocument.Parse(line).RootElement.Clone();
            }
        }

        await process.WaitForExitAsync(CancellationToken.None);
        Assert.Fail($"hil exited ({process.ExitCode}) without printing JSON: {await stderr}");
        return default;
    }

    /// <summary>Runs hil to completion; returns exit code, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string pool, params string[] arguments)
    {
        using var hil = Start(pool, arguments);
        var output = new List<string>();
        await foreach (var line in hil.lines.Reader.ReadAllAsync())
        {
            output.Add(line);
        }

        await hil.process.WaitForExitAsync();
        return (hil.process.ExitCode, string.Join('\n', output), await hil.stderr);
    }

    public void KillHard() => process.Kill(entireProcessTree: false);

    /// <summary>SIGTERM: what a CI job's cancel sends; hil releases its lease and exits 0.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        _ = pump;
        process.Dispose();
    }
}
