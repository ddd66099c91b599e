using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Openterface.Hil.Simulator;

/// <summary>
/// A target's UART as raw TCP on loopback (ser2net "raw" mode): one client at a time, a new client replaces the old
/// one; the client receives only what the target prints while it is connected.
/// </summary>
internal sealed class UartTcpServer : UartServer
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<byte[]> _output = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly Task _pump;
    private TcpListener _listener;
    private Task _acceptLoop;
    private Socket? _client;

    public UartTcpServer(ITargetUart target, int port)
        : base(target)
    {
        _listener = Listen(port);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Target.UartOutput += OnOutput;
        var listener = _listener;
        _acceptLoop = Task.Run(() => AcceptLoopAsync(listener, _stop.Token));
        _pump = Task.Run(() => PumpAsync(_stop.Token));
    }

    public int Port { get; }

    public override string Uri => $"tcp://127.0.0.1:{Port}";

    public override bool HarnessConnected => Volatile.Read(ref _client) is not null;

    public override async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        Target.UartOutput -= OnOutput;
        await _stop.CancelAsync().ConfigureAwait(false);
        lock (_gate)
        {
            _listener.Stop();
        }

        Interlocked.Exchange(ref _client, null)?.Dispose();
        _output.Writer.TryComplete();
        try
        {
#pragma warning disable VSTHRD003 // both loops were started by this server.
            await Task.WhenAll(_acceptLoop, _pump).ConfigureAwait(false);
#pragma warning restore VSTHRD003
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    /// <summary>Unplugged, nothing listens on the port: connections are refused, as when ser2net's device is gone.</summary>
    protected override void OnUnplug()
    {
        lock (_gate)
        {
            _listener.Stop();
        }

        Interlocked.Exchange(ref _client, null)?.Dispose();
    }

    protected override void OnReplug()
    {
        lock (_gate)
        {
            _listener = Listen(Port);
            var listener = _listener;
            _acceptLoop = Task.Run(() => AcceptLoopAsync(listener, _stop.Token));
        }
    }

    private static TcpListener Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        return listener;
    }

    private void OnOutput(object? sender, ReadOnlyMemory<byte> data)
    {
        if (Plugged && Volatile.Read(ref _client) is not null)
        {
            _output.Writer.TryWrite(data.ToArray());
        }
    }

    private async Task PumpAsync(CancellationToken stop)
    {
        await foreach (var chunk in _output.Reader.ReadAllAsync(stop).ConfigureAwait(false))
        {
            var client = Volatile.Read(ref _client);
            if (client is null)
            {
                continue;
            }

            try
            {
                await client.SendAsync(chunk, SocketFlags.None, stop).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                Interlocked.CompareExchange(ref _client, null, client);
            }
        }
    }

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stop).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            socket.NoDelay = true;
            Interlocked.Exchange(ref _client, socket)?.Dispose();
            _ = Task.Run(() => ReceiveLoopAsync(socket, stop), CancellationToken.None);
        }
    }

    private async Task ReceiveLoopAsync(Socket socket, CancellationToken stop)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var count = await socket.ReceiveAsync(buffer, SocketFlags.None, stop).ConfigureAwait(false);
                if (count == 0)
                {
                    break;
                }

                await Target.WriteUartAsync(buffer.AsMemory(0, count).ToArray(), stop).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }

        Interlocked.CompareExchange(ref _client, null, socket);
        socket.Dispose();
    }
}
