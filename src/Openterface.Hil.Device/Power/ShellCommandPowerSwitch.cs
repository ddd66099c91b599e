using System.Diagnostics;

namespace Openterface.Hil.Device;

/// <summary>
/// Power through shell commands (e.g. a smart plug's CLI: "kasa --host 10.0.0.7 on"), run with /bin/sh -c. A
/// non-zero exit fails with the command's stderr. Reset without its own command is off, a pause, then on.
/// </summary>
public sealed class ShellCommandPowerSwitch : IPowerSwitch
{
    private readonly string _on;
    private readonly string _off;
    private readonly string? _reset;
    private readonly TimeProvider _time;

    public ShellCommandPowerSwitch(string powerOnCommand, string powerOffCommand, string? resetCommand = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(powerOnCommand);
        ArgumentException.ThrowIfNullOrWhiteSpace(powerOffCommand);
        _on = powerOnCommand;
        _off = powerOffCommand;
        _reset = resetCommand;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Pause between off and on when resetting without a reset command.</summary>
    public TimeSpan OffTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A command running longer than this is killed and reported.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public Task PowerOnAsync(CancellationToken cancellationToken) => RunAsync(_on, cancellationToken);

    public Task PowerOffAsync(CancellationToken cancellationToken) => RunAsync(_off, cancellationToken);

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        if (_reset is not null)
        {
            await RunAsync(_reset, cancellationToken).ConfigureAwait(false);
            return;
        }

        await RunAsync(_off, cancellationToken).ConfigureAwait(false);
        await Task.Delay(OffTime, _time, cancellationToken).ConfigureAwait(false);
        await RunAsync(_on, cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync(string command, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start) ?? throw new DeviceException($"Power command '{command}' could not be started.", isTransient: false);
        using var timeout = new CancellationTokenSource(CommandTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(linked.Token);
        var stdout = process.StandardOutput.ReadToEndAsync(linked.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new DeviceException($"Power command '{command}' did not finish within {CommandTimeout.TotalSeconds:0}s and was killed.", isTransient: true);
        }

        var error = (await stderr.ConfigureAwait(false)).Trim();
        await stdout.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new DeviceException($"Power command '{command}' failed with exit code {process.ExitCode}: '{error}'. Check the command by running it in a shell.", isTransient: false);
        }
    }
}
