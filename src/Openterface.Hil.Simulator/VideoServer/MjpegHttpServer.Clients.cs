using System.Net.Sockets;
using System.Text;
using System.Text.Unicode;

namespace Openterface.Hil.Simulator;

/// <summary>The HTTP side of <see cref="MjpegHttpServer"/>: one task per connection, ustreamer's wire format.</summary>
public sealed partial class MjpegHttpServer
{
    private static readonly byte[] GarbagePart = Encoding.ASCII.GetBytes(
        "<html><body>this is not a JPEG: the simulator was told to send garbage</body></html>");

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            client.NoDelay = true;
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            var path = await ReadRequestPathAsync(stream).ConfigureAwait(false);
            switch (path)
            {
                case "/stream":
                    lock (_gate)
                    {
                        _clients.Add(client);
                    }

                    await StreamAsync(stream).ConfigureAwait(false);
                    break;
                case "/snapshot":
                    await SnapshotAsync(stream).ConfigureAwait(false);
                    break;
                default:
                    await WriteAsciiAsync(stream, "HTTP/1.0 404 Not Found\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nUse /stream or /snapshot.\r\n").ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away or the server stopped.
        }
        finally
        {
            lock (_gate)
            {
                _clients.Remove(client);
            }

            client.Dispose();
        }
    }

    private async Task StreamAsync(NetworkStream stream)
    {
        await WriteAsciiAsync(stream,
            // No Access-Control-Allow-Origin: a web page the tester happens to open must not read the target's screen.
            "HTTP/1.0 200 OK\r\n" +
            "Cache-Control: no-store, no-cache, must-revalidate, pre-check=0, post-check=0, max-age=0\r\n" +
            "Pragma: no-cache\r\nExpires: Mon, 3 Jan 2000 12:34:56 GMT\r\nServer: openterface-hil-sim\r\n" +
            $"Content-Type: multipart/x-mixed-replace;boundary={Boundary}\r\n\r\n--{Boundary}\r\n").ConfigureAwait(false);
        var header = new byte[256];
        var trailer = Encoding.ASCII.GetBytes($"\r\n--{Boundary}\r\n");
        long sent = 0;
        while (!_stop.IsCancellationRequested)
        {
            ReadOnlyMemory<byte> jpeg;
            Task next;
            long version;
            lock (_gate)
            {
                version = _version;
                jpeg = _current;
                next = _next.Task;
            }

            if (version == sent || jpeg.IsEmpty)
            {
                await next.WaitAsync(_stop.Token).ConfigureAwait(false);
                continue;
            }

            sent = version;
            var body = Faults.Garbage ? GarbagePart : jpeg;
            var seconds = (double)_time.GetTimestamp() / _time.TimestampFrequency;
            Utf8.TryWrite(header, $"Content-Type: image/jpeg\r\nContent-Length: {body.Length}\r\nX-Timestamp: {seconds:F6}\r\n\r\n", out var length);
            await stream.WriteAsync(header.AsMemory(0, length), _stop.Token).ConfigureAwait(false);
            await stream.WriteAsync(body, _stop.Token).ConfigureAwait(false);
            await stream.WriteAsync(trailer, _stop.Token).ConfigureAwait(false);
        }
    }

    private async Task SnapshotAsync(NetworkStream stream)
    {
        ReadOnlyMemory<byte> jpeg;
        Task next;
        lock (_gate)
        {
            jpeg = _current;
            next = _next.Task;
        }

        if (jpeg.IsEmpty)
        {
            await next.WaitAsync(TimeSpan.FromSeconds(5), _time, _stop.Token).ConfigureAwait(false);
            lock (_gate)
            {
                jpeg = _current;
            }
        }

        await WriteAsciiAsync(stream, $"HTTP/1.0 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: {jpeg.Length}\r\nConnection: close\r\n\r\n").ConfigureAwait(false);
        await stream.WriteAsync(jpeg, _stop.Token).ConfigureAwait(false);
    }

    private async Task<string> ReadRequestPathAsync(NetworkStream stream)
    {
        var buffer = new byte[8192];
        var filled = 0;
        while (buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8) < 0)
        {
            if (filled == buffer.Length)
            {
                return string.Empty;
            }

            var read = await stream.ReadAsync(buffer.AsMemory(filled), _stop.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return string.Empty;
            }

            filled += read;
        }

        var requestLine = Encoding.ASCII.GetString(buffer, 0, buffer.AsSpan(0, filled).IndexOf("\r\n"u8));
        var parts = requestLine.Split(' ');
        if (parts.Length < 2 || parts[0] != "GET")
        {
            return string.Empty;
        }

        var query = parts[1].IndexOf('?', StringComparison.Ordinal);
        return query >= 0 ? parts[1][..query] : parts[1];
    }

    private Task WriteAsciiAsync(NetworkStream stream, string text) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(text), _stop.Token).AsTask();
}
