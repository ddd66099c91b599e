using System.Threading.Channels;

namespace Openterface.Hil.Simulator;

/// <summary>
/// Exposes a <see cref="Ch9329Emulator"/> on a pseudo-terminal: connect with the slave path (/dev/pts/N) as the
/// serial URI. Can pace both directions to the chip's wire speed, and can be unplugged and replugged (a new pty,
/// so the path may change).
/// </summary>
public sealed class PtyCh9329Server : IAsyncDisposable
{
    private readonly Ch9329Emulator _emulator;
    private readonly bool _throttle;
    private readonly WireThrottle _rx = new();
    private readonly WireThrottle _tx = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private PseudoTerminal? _pty;
    private CancellationTokenSource? _stop;
    private Thread? _reader;
    private Task _processing = Task.CompletedTask;

    public PtyCh9329Server(Ch9329Emulator emulator, bool throttleToWireSpeed = false)
    {
        _emulator = emulator;
        _throttle = throttleToWireSpeed;
        _emulator.Output = WriteAsync;
        Plug();
    }

    /// <summary>The slave path to open, e.g. /dev/pts/7.</summary>
    public string Path { get; private set; } = string.Empty;

    public Ch9329Emulator Emulator => _emulator;

    public bool IsPlugged => _pty is not null;

    /// <summary>Closes the pty: the harness's port hangs up, as when the USB cable is pulled.</summary>
    public async Task UnplugAsync()
    {
        var pty = _pty;
        if (pty is null)
        {
            return;
        }

        _pty = null;
        if (_stop is { } stop)
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }

        _reader?.Join(TimeSpan.FromSeconds(1));
        try
        {
#pragma warning disable VSTHRD003 // the processing loop was started by this server.
            await _processing.ConfigureAwait(false);
#pragma warning restore VSTHRD003
        }
        catch (OperationCanceledException)
        {
        }

        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            pty.Dispose();
        }
        finally
        {
            _writeGate.Release();
        }

        _stop?.Dispose();
        _stop = null;
    }

    /// <summary>Opens a new pty (the path may differ), as when the cable is plugged back in.</summary>
    public async Task ReplugAsync()
    {
        await UnplugAsync().ConfigureAwait(false);
        Plug();
    }

    public async ValueTask DisposeAsync()
    {
        await UnplugAsync().ConfigureAwait(false);
        _emulator.Output = null;
    }

    private void Plug()
    {
        var pty = PseudoTerminal.Open();
        var stop = new CancellationTokenSource();
        var channel = Channel.CreateUnbounded<(byte[] Bytes, long ArrivedAt)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        _pty = pty;
        _stop = stop;
        Path = pty.SlavePath;
        _reader = new Thread(() => ReadLoop(pty, channel.Writer, stop.Token)) { IsBackground = true, Name = "ch9329 pty " + pty.SlavePath };
        _reader.Start();
        _processing = Task.Run(() => ProcessAsync(pty, channel.Reader, stop.Token), CancellationToken.None);
    }

    private static void ReadLoop(PseudoTerminal pty, ChannelWriter<(byte[] Bytes, long ArrivedAt)> writer, CancellationToken stop)
    {
        var buffer = new byte[4096];
        while (!stop.IsCancellationRequested)
        {
            var count = pty.Read(buffer, 20);
            if (count < 0)
            {
                break;
            }

            if (count > 0)
            {
                writer.TryWrite((buffer.AsSpan(0, count).ToArray(), System.Diagnostics.Stopwatch.GetTimestamp()));
            }
        }

        writer.TryComplete();
    }

    private async Task ProcessAsync(PseudoTerminal pty, ChannelReader<(byte[] Bytes, long ArrivedAt)> reader, CancellationToken stop)
    {
        await foreach (var (chunk, arrivedAt) in reader.ReadAllAsync(stop).ConfigureAwait(false))
        {
            if (_throttle)
            {
                await _rx.WaitAsync(chunk.Length, _emulator.BaudRate, stop, arrivedAt).ConfigureAwait(false);
            }

            _emulator.HostBaudRate = pty.SlaveBaudRate() is > 0 and var baud ? baud : null;
            await _emulator.ReceiveAsync(chunk, stop).ConfigureAwait(false);
        }
    }

    private async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_throttle)
            {
                await _tx.WaitAsync(bytes.Length, _emulator.BaudRate, cancellationToken).ConfigureAwait(false);
            }

            _pty?.Write(bytes.Span);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
