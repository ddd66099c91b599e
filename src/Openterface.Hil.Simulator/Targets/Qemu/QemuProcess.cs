using System.Diagnostics;
using System.Text;
using Openterface.Hil.Video;

namespace Openterface.Hil.Simulator;

/// <summary>A running qemu-system-x86_64 and the QMP client on its main socket.</summary>
internal sealed class QemuProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private QemuProcess(QemuLaunch launch, Process process)
    {
        Launch = launch;
        _process = process;
    }

    public QemuLaunch Launch { get; }

    public QmpClient Client { get; private set; } = null!;

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    /// <summary>The last few kilobytes QEMU wrote to stderr (for error messages).</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static async Task<QemuProcess> StartAsync(QemuLaunch launch, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        foreach (var socket in new[] { launch.QmpSocketPath, launch.SpareQmpSocketPath })
        {
            File.Delete(socket);
        }

        var info = new ProcessStartInfo(launch.QemuPath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = launch.WorkDirectory,
        };
        foreach (var argument in launch.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new QemuTargetException($"'{launch.QemuPath}' did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new QemuTargetException(
                $"Cannot run '{launch.QemuPath}': {e.Message}. Install qemu-system-x86 (ci/setup does) or set QemuPath.", e);
        }

        LiveProcesses.Track(process);
        var qemu = new QemuProcess(launch, process);
        process.ErrorDataReceived += qemu.OnStandardError;
        process.OutputDataReceived += qemu.OnStandardError;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            qemu.Client = await qemu.ConnectAsync(timeProvider, cancellationToken).ConfigureAwait(false);
            return qemu;
        }
        catch
        {
            await qemu.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Asks QEMU to quit, waits for it to exit and kills it when it does not within the grace period.</summary>
    public async Task StopAsync(TimeSpan grace, TimeProvider timeProvider)
    {
        if (!_process.HasExited && Client is not null && Client.IsConnected)
        {
            try
            {
                using var timeout = new CancellationTokenSource(grace, timeProvider);
                await Client.ExecuteAsync("quit", cancellationToken: timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is QmpException or OperationCanceledException)
            {
                // QEMU often closes the socket before its reply to "quit" arrives: waiting for the exit tells.
            }
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(grace, timeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        if (Client is not null)
        {
            await Client.DisposeAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private async Task<QmpClient> ConnectAsync(TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        while (true)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                throw new QemuTargetException(
                    $"QEMU exited with code {_process.ExitCode} before its QMP socket opened: '{StandardError.Trim()}'. " +
                    "Check the options (accelerator, image path) and that qemu-system-x86 is installed.");
            }

            if (File.Exists(Launch.QmpSocketPath))
            {
                try
                {
                    return await QmpClient.ConnectAsync(Launch.QmpSocketPath, cancellationToken).ConfigureAwait(false);
                }
                catch (QmpException) when (timeProvider.GetElapsedTime(started) < TimeSpan.FromSeconds(10))
                {
                    // The socket file exists a moment before QEMU listens on it.
                }
            }

            if (timeProvider.GetElapsedTime(started) > TimeSpan.FromSeconds(10))
            {
                throw new QemuTargetException(
                    $"QEMU's QMP socket '{Launch.QmpSocketPath}' did not open within 10s: '{StandardError.Trim()}'.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private void OnStandardError(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is null)
        {
            return;
        }

        lock (_stderr)
        {
            _stderr.AppendLine(e.Data);
            if (_stderr.Length > 8192)
            {
                _stderr.Remove(0, _stderr.Length - 8192);
            }
        }
    }
}
