using System.Net;
using System.Net.Sockets;

namespace Openterface.Hil.Simulator;

/// <summary>
/// Exposes a <see cref="Ch9329Emulator"/> as raw TCP serial on the loopback interface only (tcp://127.0.0.1:PORT),
/// like ser2net in raw mode. One client at a time; a new client replaces the old one.
/// </summary>
public sealed class TcpCh9329Server : IAsyncDisposable
{
    private readonly Ch9329Emulator _emulator;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Task _acceptLoop;
    private Socket? _client;

    public TcpCh9329Server(Ch9329Emulator emulator, int port = 0)
    {
        _emulator = emulator;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _emulator.Output = WriteAsync;
        _acceptLoop = Task.Run(() => AcceptLoopAsync(_stop.Token));
    }

    public int Port { get; }

    public string Uri => $"tcp://127.0.0.1:{Port}";

    /// <summary>Drops the current client connection (the harness sees the port vanish).</summary>
    public void DisconnectClient() => Interlocked.Exchange(ref _client, null)?.Dispose();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        DisconnectClient();
        try
        {
#pragma warning disable VSTHRD003 // the accept loop was started by this server.
            await _acceptLoop.ConfigureAwait(false);
#pragma warning restore VSTHRD003
        }
        catch (OperationCanceledException)
        {
        }

        _emulator.Output = null;
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(stop).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            socket.NoDelay = true;
            Interlocked.Exchange(ref _client, socket)?.Dispose();
            _ = Task.Run(() => SessionAsync(socket, stop), CancellationToken.None);
        }
    }

    private async Task SessionAsync(Socket socket, CancellationToken stop)
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var count = await socket.ReceiveAsync(buffer, SocketFlags.None, stop).ConfigureAwait(false);
                if (count == 0)
                {
                    break;
                }

                await _emulator.ReceiveAsync(buffer.AsMemory(0, count), stop).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            if (Interlocked.CompareExchange(ref _client, null, socket) == socket)
            {
                socket.Dispose();
            }
        }
    }

    private async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_client is { } client)
            {
                await client.SendAsync(bytes, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
