using System.Diagnostics;
using System.Text.Json;

namespace Openterface.Hil.Cli.Tests.Simulator;

/// <summary>`hil sim --json ...` (the built hil.dll) as a separate process, as a user starts it in another terminal.</summary>
internal sealed class SimProcess : IDisposable
{
    private readonly Process _process;

    private SimProcess(Process process, JsonElement uris)
    {
        _process = process;
        Uris = uris;
    }

    /// <summary>What `hil sim --json` printed: serial, video, console, qmp, serialLog, ...</summary>
    public JsonElement Uris { get; }

    public int Id => _process.Id;

    public static void RequireQemu()
    {
        if (!File.Exists("/usr/bin/qemu-system-x86_64"))
        {
            Assert.Ignore("qemu-system-x86_64 is not installed (ci/setup installs qemu-system-x86).");
        }
    }

    public static async Task<SimProcess> StartAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "hil.dll"), "sim", "--json" }.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using var startup = new CancellationTokenSource(TimeSpan.FromSeconds(180));
            while (await process.StandardOutput.ReadLineAsync(startup.Token) is { } line)
            {
                if (line.StartsWith('{'))
                {
                    return new SimProcess(process, JsonDocument.Parse(line).RootElement.Clone());
                }
            }

            await process.WaitForExitAsync();
            Assert.Fail($"hil sim exited ({process.ExitCode}) without printing its URIs: {await stderr}");
            return null!;
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public string Uri(string key) => Uris.GetProperty(key).GetString() ?? throw new AssertionException($"hil sim printed no {key}");

    /// <summary>SIGKILL to the simulator alone: its children (QEMU, the watchdog) are not signalled.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
    }
}
