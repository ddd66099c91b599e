using Openterface.Hil.Device;
using Openterface.Hil.Video;

namespace Openterface.Hil;

/// <summary>
/// Power for a QEMU target over a QMP socket (the simulator's spare monitor, or any QEMU started with
/// <c>-qmp unix:PATH,server=on,wait=off -no-shutdown</c>). QEMU must keep running for power to come back, so off is
/// "stop the CPUs and arm a reset": the guest stops dead like a pulled plug, and on resets and continues, which is a
/// cold boot through the firmware. The display keeps its last picture while off (QEMU has no "no signal").
/// Power URI: <c>qmp:///path/to/qmp.sock</c>.
/// </summary>
public sealed class QemuPowerSwitch : IPowerSwitch, IAsyncDisposable
{
    private static readonly TimeSpan ResetEventTimeout = TimeSpan.FromSeconds(10);
    private readonly string _socketPath;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private QmpClient? _client;

    public QemuPowerSwitch(string qmpSocketPath, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(qmpSocketPath);
        _socketPath = qmpSocketPath;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Cold boot unless already running: system_reset, then cont.</summary>
    public Task PowerOnAsync(CancellationToken cancellationToken = default) => WithClientAsync(
        async (client, ct) =>
        {
            var status = await client.ExecuteAsync("query-status", cancellationToken: ct).ConfigureAwait(false);
            if (status.GetProperty("status").GetString() == "running")
            {
                return;
            }

            await client.ExecuteAsync("system_reset", cancellationToken: ct).ConfigureAwait(false);
            await client.ExecuteAsync("cont", cancellationToken: ct).ConfigureAwait(false);
        },
        cancellationToken);

    /// <summary>Pulls the plug: stop the CPUs and reset the machine so the next power-on boots from the firmware.</summary>
    public Task PowerOffAsync(CancellationToken cancellationToken = default) => WithClientAsync(
        async (client, ct) =>
        {
            await client.ExecuteAsync("stop", cancellationToken: ct).ConfigureAwait(false);
            await client.ExecuteAsync("system_reset", cancellationToken: ct).ConfigureAwait(false);
        },
        cancellationToken);

    /// <summary>The reset button: system_reset, then wait for QEMU's RESET event.</summary>
    public Task ResetAsync(CancellationToken cancellationToken = default) => WithClientAsync(
        async (client, ct) =>
        {
            var before = client.LastEventSequence;
            await client.ExecuteAsync("system_reset", cancellationToken: ct).ConfigureAwait(false);
            try
            {
                await client.WaitForEventAsync("RESET", before, cancellationToken: ct)
                    .WaitAsync(ResetEventTimeout, _timeProvider, ct).ConfigureAwait(false);
            }
            catch (TimeoutException e)
            {
                throw new QmpException($"QEMU at '{_socketPath}' did not report RESET within {ResetEventTimeout.TotalSeconds:0}s after system_reset.", null, e);
            }
        },
        cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_client is not null)
            {
                await _client.DisposeAsync().ConfigureAwait(false);
                _client = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WithClientAsync(Func<QmpClient, CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_client is { IsConnected: false })
            {
                await _client.DisposeAsync().ConfigureAwait(false);
                _client = null;
            }

            _client ??= await QmpClient.ConnectAsync(_socketPath, cancellationToken).ConfigureAwait(false);
            await action(_client, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
