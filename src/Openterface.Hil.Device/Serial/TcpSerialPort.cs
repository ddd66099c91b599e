using System.Net.Sockets;

namespace Openterface.Hil.Device;

/// <summary>Raw TCP serial (ser2net "raw" mode, or the simulator's listener): bytes in, bytes out, no modem lines.</summary>
internal sealed class TcpSerialPort : ISerialPort
{
    private readonly Socket _socket;

    private TcpSerialPort(string uri, Socket socket)
    {
        Path = uri;
        _socket = socket;
    }

    public string Path { get; }

    /// <summary>How long a TCP connect may take (a rig host that drops SYNs would otherwise hang for minutes).</summary>
    internal static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(5);

    public static async Task<TcpSerialPort> ConnectAsync(string uri, CancellationToken cancellationToken, TimeSpan? connectTimeout = null, TimeProvider? time = null)
    {
        var parsed = new Uri(uri);
        if (parsed.Port <= 0)
        {
            throw new ArgumentException($"Serial URI '{uri}' needs a port: tcp://host:port.", nameof(uri));
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var timeout = connectTimeout ?? DefaultConnectTimeout;
        using var deadline = new CancellationTokenSource(timeout, time ?? TimeProvider.System);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            await socket.ConnectAsync(parsed.Host, parsed.Port, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new DeviceException(
                $"Connecting to serial URI '{uri}' got no answer within {timeout.TotalSeconds:0.#}s. Check that the rig host is up and ser2net (raw mode) or 'hil sim' listens on that port.",
                isTransient: true);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new DeviceNotFoundException($"Cannot connect to '{uri}': {e.Message}. Is ser2net (raw mode) or 'hil sim' running there?", e);
        }

        return new TcpSerialPort(uri, socket);
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int count;
        try
        {
            count = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            throw new DeviceException($"Serial connection '{Path}' vanished ({e.Message}).", isTransient: true, e);
        }

        return count > 0 ? count : throw new DeviceException($"Serial connection '{Path}' was closed by the other end.", isTransient: true);
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        try
        {
            while (!data.IsEmpty)
            {
                var sent = await _socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                data = data[sent..];
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            throw new DeviceException($"Serial connection '{Path}' vanished ({e.Message}).", isTransient: true, e);
        }
    }

    public ValueTask SetControlLinesAsync(bool dtr, bool rts, CancellationToken cancellationToken = default) =>
        throw new DeviceException($"Serial connection '{Path}' is raw TCP and has no DTR/RTS lines; pulse them on the rig host instead.", isTransient: false);

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
