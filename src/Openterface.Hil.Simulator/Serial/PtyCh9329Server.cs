using System.Threading.Channels;

namespace Openterface.Hil.Simulator;

/// <summary>
/// Exposes a <see cref="Ch9329Emulator"/> on a pseudo-terminal: connect with the slave path (/dev/pts/N) as the
/// serial URI. Can pace both directions to the chip's wire speed like a full-duplex UART: received bytes reach the
/// chip at the baud rate (a burst is fed a few bytes at a time, so the first frame of a burst is answered before the
/// last one has arrived), and replies go into a TX queue drained at the baud rate without holding up reception.
/// Can be unplugged and replugged (a new pty, so the path may change).
/// </summary>
public sealed class PtyCh9329Server : IAsyncDisposable
{
    /// <summary>Bytes fed to the chip at a time when pacing: small enough that a frame is acted on soon after its last byte.</summary>
    private const int RxPiece = 8;

    private readonly Ch9329Emulator _emulator;
    private readonly bool _throttle;
    private readonly WireThrottle _rx = new();
    private readonly WireThrottle _tx = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private PseudoTerminal? _pty;
    private CancellationTokenSource? _stop;
    private Thread? _reader;
    private Task _processing = Task.CompletedTask;
    private Task _transmitting = Task.CompletedTask;
    private ChannelWriter<(byte[] Bytes, long QueuedAt)>? _txQueue;

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
        _txQueue?.TryComplete();
        _txQueue = null;
        try
        {
#pragma warning disable VSTHRD003 // the processing and TX loops were started by this server.
            await _processing.ConfigureAwait(false);
            await _transmitting.ConfigureAwait(false);
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
        if (_throttle)
        {
            var tx = Channel.CreateUnbounded<(byte[] Bytes, long QueuedAt)>(new UnboundedChannelOptions { SingleReader = true });
            _txQueue = tx.Writer;
            _transmitting = Task.Run(() => TransmitAsync(pty, tx.Reader, stop.Token), CancellationToken.None);
        }
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
            _emulator.HostBaudRate = pty.SlaveBaudRate() is > 0 and var baud ? baud : null;
            if (!_throttle)
            {
                await _emulator.ReceiveAsync(chunk, stop).ConfigureAwait(false);
                continue;
            }

            for (var offset = 0; offset < chunk.Length; offset += RxPiece)
            {
                var piece = chunk.AsMemory(offset, Math.Min(RxPiece, chunk.Length - offset));
                await _rx.WaitAsync(piece.Length, _emulator.BaudRate, stop, arrivedAt).ConfigureAwait(false);
                await _emulator.ReceiveAsync(piece, stop).ConfigureAwait(false);
            }
        }
    }

    private ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (_throttle)
        {
            // The UART's TX FIFO: queued now, on the wire at the baud rate, reception goes on meanwhile.
            _txQueue?.TryWrite((bytes.ToArray(), System.Diagnostics.Stopwatch.GetTimestamp()));
            return ValueTask.CompletedTask;
        }

        return WriteNowAsync(bytes, cancellationToken);
    }

    private async ValueTask WriteNowAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _pty?.Write(bytes.Span);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task TransmitAsync(PseudoTerminal pty, ChannelReader<(byte[] Bytes, long QueuedAt)> queue, CancellationToken stop)
    {
        await foreach (var (bytes, queuedAt) in queue.ReadAllAsync(stop).ConfigureAwait(false))
        {
            await _tx.WaitAsync(bytes.Length, _emulator.BaudRate, stop, queuedAt).ConfigureAwait(false);
            await _writeGate.WaitAsync(stop).ConfigureAwait(false);
            try
            {
                if (ReferenceEquals(_pty, pty))
                {
                    pty.Write(bytes);
                }
            }
            finally
            {
                _writeGate.Release();
            }
        }
    }
}
