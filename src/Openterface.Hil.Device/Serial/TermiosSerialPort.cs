using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Openterface.Hil.Device;

/// <summary>
/// A tty opened raw at 8N1 (termios). A dedicated reader thread polls the descriptor and feeds a channel, so reads
/// never depend on stream cancellation; a hang-up or read error completes the channel with a transient
/// <see cref="DeviceException"/> ("port vanished").
/// </summary>
internal sealed partial class TermiosSerialPort : ISerialPort, IBaudRatePort
{
    private readonly Channel<byte[]> _received = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Lock _writeLock = new();
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _readerStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private byte[]? _pending;
    private int _pendingOffset;
    private volatile bool _disposed;
    private SerialFdHandle? _handle;

    private TermiosSerialPort(string path, int baudRate, ILogger logger)
    {
        Path = path;
        BaudRate = baudRate;
        _logger = logger;
    }

    public string Path { get; }

    public int BaudRate { get; private set; }

    /// <summary>How long a write may wait for room in the output buffer before the port is reported stuck.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Opens <paramref name="path"/> exclusively, raw 8N1 at <paramref name="baudRate"/> (modem lines as open() left them).</summary>
    public static TermiosSerialPort Open(string path, int baudRate, ILogger logger, TimeSpan? writeTimeout = null)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException($"Serial port '{path}': termios ports are implemented for Linux only; use a tcp:// URI (ser2net) elsewhere.");
        }

        var port = new TermiosSerialPort(path, baudRate, logger) { WriteTimeout = writeTimeout ?? TimeSpan.FromSeconds(2) };
        port.OpenNative();
        var reader = new Thread(port.ReaderLoop) { IsBackground = true, Name = $"serial {path}" };
        reader.Start();
        return port;
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_pending is null)
        {
            try
            {
                _pending = await _received.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                _pendingOffset = 0;
            }
            catch (ChannelClosedException e)
            {
                throw e.InnerException as DeviceException ?? new DeviceException($"Serial port '{Path}' is closed.", isTransient: false, e);
            }
        }

        var count = Math.Min(buffer.Length, _pending.Length - _pendingOffset);
        _pending.AsSpan(_pendingOffset, count).CopyTo(buffer.Span);
        _pendingOffset += count;
        if (_pendingOffset == _pending.Length)
        {
            _pending = null;
        }

        return count;
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_writeLock)
        {
            using var fd = Handle.Use();
            WriteNative(fd.Fd, data.Span, cancellationToken);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Changes the line speed with tcsetattr on the open descriptor: no reopen, so DTR is not raised again.</summary>
    public ValueTask SetBaudRateAsync(int baudRate, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var speed = LinuxNative.SpeedConstant(baudRate);
        lock (_writeLock)
        {
            using var fd = Handle.Use();
            Configure(fd.Fd, speed);
            BaudRate = baudRate;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask SetControlLinesAsync(bool dtr, bool rts, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var fd = Handle.Use();
        SetModemLines(fd.Fd, dtr, rts, strict: true);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;

        // The reader notices within one poll (50 ms). Should it hang, the handle defers close() until it returns.
        try
        {
            await _readerStopped.Task.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            SerialLog.PortVanished(_logger, Path, "the reader thread did not stop within 2 s; the descriptor closes when it does");
        }

        CloseNative();
    }

    private SerialFdHandle Handle => _handle ?? throw new ObjectDisposedException(nameof(TermiosSerialPort));

    private void ReaderLoop()
    {
        var buffer = new byte[4096];
        try
        {
            // Holds a reference on the descriptor for the reader's whole life: close() waits for the loop to end.
            using var fd = Handle.Use();
            while (!_disposed)
            {
                var count = ReadNative(fd.Fd, buffer, pollTimeoutMs: 50);
                if (count > 0)
                {
                    _received.Writer.TryWrite(buffer.AsSpan(0, count).ToArray());
                }
            }

            _received.Writer.TryComplete();
        }
        catch (DeviceException e)
        {
            SerialLog.PortVanished(_logger, Path, e.Message);
            _received.Writer.TryComplete(e);
        }
        finally
        {
            _readerStopped.TrySetResult();
        }
    }
}
