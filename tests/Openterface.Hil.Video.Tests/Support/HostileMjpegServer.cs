using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Openterface.Hil.Video.Tests;

/// <summary>What <see cref="HostileMjpegServer"/> sends on each stream connection.</summary>
public enum HostileMode
{
    /// <summary>Well-formed parts with the good JPEG, every 20 ms.</summary>
    Good,

    /// <summary>A real JPEG whose start-of-frame header was patched to say 65535x65535, every 20 ms.</summary>
    Header65535,

    /// <summary>A real JPEG whose header says 40000x17000 (2 GB of BGR pixels), every 20 ms.</summary>
    Header40000x17000,

    /// <summary>A part without Content-Length whose end boundary never comes: the server closes inside it.</summary>
    NoEndBoundary,

    /// <summary>64 MiB of pseudo-random bytes after the response headers, then close.</summary>
    Garbage64MiB,

    /// <summary>The response headers, then nothing (the connection stays open).</summary>
    StallAfterHeaders,
}

/// <summary>
/// A hostile MJPEG streamer on loopback for hardening tests: each stream connection gets what <see cref="Mode"/>
/// says at that moment; switching the mode drops open connections so the client meets the new behaviour.
/// </summary>
internal sealed class HostileMjpegServer : IAsyncDisposable
{
    private const string Boundary = "hostile";
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _good;
    private readonly Task _accept;
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _clients = [];
    private volatile HostileMode _mode;

    public HostileMjpegServer(byte[] goodJpeg, HostileMode mode)
    {
        _good = goodJpeg;
        _mode = mode;
        _listener.Start();
        Uri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/stream");
        _accept = Task.Run(AcceptLoopAsync);
    }

    public Uri Uri { get; }

    public int Connections { get; private set; }

    /// <summary>The behaviour for this and later connections; open connections are dropped.</summary>
    public HostileMode Mode
    {
        get => _mode;
        set
        {
            _mode = value;
            TcpClient[] open;
            lock (_gate)
            {
                open = [.. _clients];
                _clients.Clear();
            }

            foreach (var client in open)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>A copy of <paramref name="jpeg"/> with its start-of-frame header saying <paramref name="width"/>x<paramref name="height"/>.</summary>
    public static byte[] WithHeaderSize(byte[] jpeg, int width, int height)
    {
        var copy = (byte[])jpeg.Clone();
        for (var i = 2; i + 9 < copy.Length;)
        {
            var marker = copy[i + 1];
            if (marker is >= 0xC0 and <= 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 5), (ushort)height);
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 7), (ushort)width);
                return copy;
            }

            i += 2 + BinaryPrimitives.ReadUInt16BigEndian(copy.AsSpan(i + 2));
        }

        throw new ArgumentException("No start-of-frame header found.", nameof(jpeg));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Mode = _mode;
        try
        {
#pragma warning disable VSTHRD003 // The accept loop is this server's own task.
            await _accept;
#pragma warning restore VSTHRD003
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_gate)
            {
                _clients.Add(client);
                Connections++;
            }

            _ = Task.Run(() => ServeAsync(client, _mode));
        }
    }

    private async Task ServeAsync(TcpClient client, HostileMode mode)
    {
        var token = _stop.Token;
        try
        {
            var stream = client.GetStream();
            var request = new byte[4096];
            var filled = 0;
            while (request.AsSpan(0, filled).IndexOf("\r\n\r\n"u8) < 0 && filled < request.Length)
            {
                var read = await stream.ReadAsync(request.AsMemory(filled), token);
                if (read == 0)
                {
                    return;
                }

                filled += read;
            }

            await stream.WriteAsync(Ascii(
                $"HTTP/1.0 200 OK\r\nContent-Type: multipart/x-mixed-replace;boundary={Boundary}\r\n\r\n"), token);
            switch (mode)
            {
                case HostileMode.Good:
                    await RepeatAsync(stream, _good, token);
                    break;
                case HostileMode.Header65535:
                    await RepeatAsync(stream, WithHeaderSize(_good, 65535, 65535), token);
                    break;
                case HostileMode.Header40000x17000:
                    await RepeatAsync(stream, WithHeaderSize(_good, 40000, 17000), token);
                    break;
                case HostileMode.NoEndBoundary:
                    await stream.WriteAsync(Ascii($"--{Boundary}\r\nContent-Type: image/jpeg\r\n\r\n"), token);
                    await stream.WriteAsync(_good, token);
                    break;
                case HostileMode.Garbage64MiB:
                    var chunk = new byte[1024 * 1024];
                    var random = new Random(14);
                    for (var i = 0; i < 64; i++)
                    {
                        random.NextBytes(chunk);
                        await stream.WriteAsync(chunk, token);
                    }

                    break;
                case HostileMode.StallAfterHeaders:
                    await Task.Delay(Timeout.Infinite, token);
                    break;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away, the mode changed or the server stopped.
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

    private static async Task RepeatAsync(NetworkStream stream, byte[] jpeg, CancellationToken token)
    {
        var header = Ascii($"--{Boundary}\r\nContent-Type: image/jpeg\r\nContent-Length: {jpeg.Length}\r\n\r\n");
        while (true)
        {
            await stream.WriteAsync(header, token);
            await stream.WriteAsync(jpeg, token);
            await stream.WriteAsync("\r\n"u8.ToArray(), token);
            await Task.Delay(20, token);
        }
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
