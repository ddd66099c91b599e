using System.Net.Sockets;

namespace Openterface.Hil.Simulator;

/// <summary>
/// The guest's ttyS0 as the rig's serial console: QEMU connects its serial chardev to a Unix socket this target
/// listens on (before the guest runs, so nothing is lost); every byte is appended to <see cref="SerialLogPath"/> and
/// raised as <see cref="UartOutput"/>, and <see cref="WriteUartAsync"/> types into the guest's serial port.
/// </summary>
public sealed partial class QemuTarget : ITargetUart
{
    private readonly Lock _uartGate = new();
    private Socket? _uartListener;
    private Socket? _uartConnection;
    private CancellationTokenSource? _uartStop;

    public event EventHandler<ReadOnlyMemory<byte>>? UartOutput;

    /// <summary>The Unix socket QEMU's ttyS0 connects to.</summary>
    internal string UartSocketPath => Path.Combine(WorkDirectory, "ttyS0.sock");

    public async ValueTask WriteUartAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        var connection = Volatile.Read(ref _uartConnection);
        if (connection is null)
        {
            return;
        }

        try
        {
            while (!data.IsEmpty)
            {
                var sent = await connection.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                data = data[sent..];
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // QEMU is gone (powered off): a UART without power drops what it receives.
        }
    }

    /// <summary>Listens on <see cref="UartSocketPath"/> (once per target) and returns it for QEMU's -chardev.</summary>
    private string ListenOnUart()
    {
        lock (_uartGate)
        {
            if (_uartListener is null)
            {
                File.Delete(UartSocketPath);
                var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                listener.Bind(new UnixDomainSocketEndPoint(UartSocketPath));
                listener.Listen(4);
                _uartListener = listener;
                _uartStop = new CancellationTokenSource();
                var stop = _uartStop.Token;
                _ = Task.Run(() => AcceptUartAsync(listener, stop), CancellationToken.None);
            }

            return UartSocketPath;
        }
    }

    private async Task AcceptUartAsync(Socket listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await listener.AcceptAsync(stop).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            Interlocked.Exchange(ref _uartConnection, connection)?.Dispose();
            _ = Task.Run(() => PumpUartAsync(connection, stop), CancellationToken.None);
        }
    }

    private async Task PumpUartAsync(Socket connection, CancellationToken stop)
    {
        var buffer = new byte[4096];
        var log = new FileStream(SerialLogPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        await using (log.ConfigureAwait(false))
        {
            try
            {
                while (true)
                {
                    var count = await connection.ReceiveAsync(buffer, SocketFlags.None, stop).ConfigureAwait(false);
                    if (count == 0)
                    {
                        break;
                    }

                    await log.WriteAsync(buffer.AsMemory(0, count), stop).ConfigureAwait(false);
                    await log.FlushAsync(stop).ConfigureAwait(false);
                    UartOutput?.Invoke(this, buffer.AsMemory(0, count).ToArray());
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
            }
        }

        Interlocked.CompareExchange(ref _uartConnection, null, connection);
        connection.Dispose();
    }

    private void CloseUart()
    {
        lock (_uartGate)
        {
            _uartStop?.Cancel();
            _uartListener?.Dispose();
            _uartListener = null;
            Interlocked.Exchange(ref _uartConnection, null)?.Dispose();
            _uartStop?.Dispose();
            _uartStop = null;
            File.Delete(UartSocketPath);
        }
    }
}
