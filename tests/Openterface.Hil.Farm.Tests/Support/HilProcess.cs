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
    private readonly TaskCompletionSource<JsonElement> firstJson = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HilProcess(Process process)
    {
        this.process = process;
        stderr = process.StandardError.ReadToEndAsync();
        pump = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith('{'))
                {
                    firstJson.TrySetResult(JsonDocument.Parse(line).RootElement.Clone());
                }

                await lines.Writer.WriteAsync(line);
            }

            lines.Writer.Complete();
            await process.WaitForExitAsync();
            firstJson.TrySetException(new InvalidOperationException($"hil exited ({process.ExitCode}) without printing JSON: {await stderr}"));
        });
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

    /// <summary>Starts hil with HIL_* cleared and HIL_POOL set to <paramref name="pool"/> (left unset when null).</summary>
    public static HilProcess Start(string? pool, params string[] arguments)
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

        if (pool is not null)
        {
            start.Environment["HIL_POOL"] = pool;
        }

        return new HilProcess(Process.Start(start)!);
    }

    /// <summary>The first JSON object hil prints on stdout (for `rigs lease --json`: the lease); fails if hil exits first.</summary>
    public Task<JsonElement> FirstJsonAsync(CancellationToken cancellationToken) => firstJson.Task.WaitAsync(cancellationToken);

    /// <summary>Runs hil to completion; returns exit code, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string? pool, params string[] arguments)
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
