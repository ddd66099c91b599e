using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Openterface.Hil.Video;

namespace Openterface.Hil.Simulator;

/// <summary>
/// Fast start: the first power-on cold boots to the chosen point (GRUB menu, or "Normal boot" to the login prompt),
/// stops the VM and migrates its state to a file; later power-ons start QEMU with <c>-incoming "exec:cat FILE"</c>.
/// States sit next to the image in <c>states/</c>, named by start point and accelerator and keyed by a hash of the
/// image, QEMU's version and the machine options, so a new image or QEMU makes a new state.
/// </summary>
public sealed partial class QemuTarget
{
    private static readonly ConcurrentDictionary<string, string> Fingerprints = new();

    /// <summary>The saved-state file a power-on from <paramref name="point"/> would use (it may not exist yet).</summary>
    public async Task<string> SavedStatePathAsync(QemuStartPoint point, CancellationToken cancellationToken = default)
    {
        var accelerator = await ResolveAcceleratorAsync(cancellationToken).ConfigureAwait(false);
        var launch = new QemuLaunch(_options.QemuPath, ImagePath, accelerator, _options.MemoryMiB, WorkDirectory);
        return await StatePathAsync(launch, point, cancellationToken).ConfigureAwait(false);
    }

    private async Task StartFromSavedStateAsync(QemuLaunch launch, QemuStartPoint point, CancellationToken cancellationToken)
    {
        var statePath = await StatePathAsync(launch, point, cancellationToken).ConfigureAwait(false);
        if (File.Exists(statePath))
        {
            _qemu = await StartProcessAsync(launch with { IncomingStatePath = statePath }, cancellationToken).ConfigureAwait(false);
            await WaitUntilRunningAsync(_qemu.Client, TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
            LastStart = $"restored saved state at {point}";
            return;
        }

        var offset = SerialLogLength;
        _qemu = await StartProcessAsync(launch, cancellationToken).ConfigureAwait(false);
        offset = await WaitForSerialTextAsync("Power off", _options.BootTimeout, offset, cancellationToken).ConfigureAwait(false);
        if (point == QemuStartPoint.LoginPrompt)
        {
            await _input.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await SendAsync(_qemu.Client, PointerEvents.Key("ret", true), cancellationToken).ConfigureAwait(false);
                await SendAsync(_qemu.Client, PointerEvents.Key("ret", false), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _input.Release();
            }

            await WaitForSerialTextAsync("login:", _options.BootTimeout, offset, cancellationToken).ConfigureAwait(false);
        }

        // GRUB draws the serial mirror before the (slower) VGA console, so the serial log runs ahead of the screen:
        // wait for the screen to settle. Linux's blinking cursor never settles; its console is fast, so 1 s does.
        if (point == QemuStartPoint.GrubMenu)
        {
            await WaitForStillScreenAsync(_qemu.Client, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await Task.Delay(TimeSpan.FromSeconds(1), _timeProvider, cancellationToken).ConfigureAwait(false);
        }

        await SaveStateAsync(_qemu.Client, statePath, cancellationToken).ConfigureAwait(false);
        LastStart = $"cold boot to {point}; saved the state for the next power-on";
    }

    /// <summary>Waits (at most 5 s) until two screen grabs 250 ms apart are identical.</summary>
    private async Task WaitForStillScreenAsync(QmpClient client, CancellationToken cancellationToken)
    {
        using var capture = new QmpScreenCapture();
        byte[]? previous = null;
        var started = _timeProvider.GetTimestamp();
        while (_timeProvider.GetElapsedTime(started) < TimeSpan.FromSeconds(5))
        {
            using (var frame = await capture.CaptureAsync(client, cancellationToken).ConfigureAwait(false))
            {
                if (previous is not null && frame.Pixels.SequenceEqual(previous))
                {
                    return;
                }

                previous = frame.Pixels.ToArray();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SaveStateAsync(QmpClient client, string statePath, CancellationToken cancellationToken)
    {
        var partial = $"{statePath}.partial-{Environment.ProcessId}";
        await client.ExecuteAsync("stop", cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            await client.ExecuteAsync("migrate", new JsonObject { ["uri"] = "exec:cat > " + QemuLaunch.ShellQuoted(partial) }, cancellationToken).ConfigureAwait(false);
            var started = _timeProvider.GetTimestamp();
            while (true)
            {
                var info = await client.ExecuteAsync("query-migrate", cancellationToken: cancellationToken).ConfigureAwait(false);
                var status = info.TryGetProperty("status", out var s) ? s.GetString() : null;
                if (status == "completed")
                {
                    break;
                }

                if (status is "failed" or "cancelled" || _timeProvider.GetElapsedTime(started) > TimeSpan.FromSeconds(60))
                {
                    throw new QemuTargetException($"Saving the VM state to '{partial}' ended with status '{status}': '{info}'.");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(20), _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, statePath, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
            await client.ExecuteAsync("cont", cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task WaitUntilRunningAsync(QmpClient client, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        while (true)
        {
            var status = await client.ExecuteAsync("query-status", cancellationToken: cancellationToken).ConfigureAwait(false);
            var state = status.GetProperty("status").GetString();
            if (state == "running")
            {
                return;
            }

            if (state == "paused")
            {
                // The state was saved from a stopped VM (stop, then migrate), so QEMU does not autostart it.
                await client.ExecuteAsync("cont", cancellationToken: cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (state is not ("inmigrate" or "prelaunch") || _timeProvider.GetElapsedTime(started) > timeout)
            {
                throw new QemuTargetException(
                    $"Restoring the saved VM state left QEMU '{state}' instead of 'running'. Delete the state files in " +
                    $"'{Path.GetDirectoryName(ImagePath)}/states' to make new ones.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> StatePathAsync(QemuLaunch launch, QemuStartPoint point, CancellationToken cancellationToken)
    {
        var fingerprint = await FingerprintAsync(launch, cancellationToken).ConfigureAwait(false);
        string directory;
        try
        {
            // Next to the image when this user owns that folder (the user's cache); never a shared world-writable one.
            directory = PrivateFolders.Ensure(Path.Combine(Path.GetDirectoryName(ImagePath)!, "states"));
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            directory = PrivateFolders.PerUser("qemu-states");
        }

        var name = $"{point}-{launch.Accelerator}-{fingerprint}.state".ToLowerInvariant();
        return Path.Combine(directory, name);
    }

    /// <summary>sha256 over the image bytes, QEMU's version and the machine arguments (without the image path).</summary>
    private async Task<string> FingerprintAsync(QemuLaunch launch, CancellationToken cancellationToken)
    {
        var image = new FileInfo(ImagePath);
        var key = $"{ImagePath}|{image.Length}|{image.LastWriteTimeUtc.Ticks}|{launch.Accelerator}|{launch.MemoryMiB}|{_options.QemuPath}";
        if (Fingerprints.TryGetValue(key, out var known))
        {
            return known;
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var stream = File.OpenRead(ImagePath);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[1 << 20];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                sha.AppendData(buffer, 0, read);
            }
        }

        var version = await QemuVersionAsync(cancellationToken).ConfigureAwait(false);
        var machine = string.Join(' ', launch.MachineArguments).Replace(ImagePath, "IMAGE", StringComparison.Ordinal);
        sha.AppendData(Encoding.UTF8.GetBytes($"{version}\n{machine}"));
        var fingerprint = Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
        Fingerprints[key] = fingerprint;
        return fingerprint;
    }

    private async Task<string> QemuVersionAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(_options.QemuPath, "--version") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return output.Split('\n')[0].Trim();
    }
}
