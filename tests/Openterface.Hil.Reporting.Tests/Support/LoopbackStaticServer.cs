using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Openterface.Hil.Reporting.Tests;

/// <summary>A tiny HTTP/1.0 GET-only file server on 127.0.0.1 for serving a multi-file report to the browser.</summary>
internal sealed class LoopbackStaticServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly string root;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public LoopbackStaticServer(string root)
    {
        this.root = Path.GetFullPath(root);
        listener.Start();
        loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
#pragma warning disable VSTHRD003 // The accept loop was started by this object's constructor.
            await loop;
#pragma warning restore VSTHRD003
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                var requestLine = await reader.ReadLineAsync(stop.Token) ?? string.Empty;
                while (!string.IsNullOrEmpty(await reader.ReadLineAsync(stop.Token)))
                {
                    // Skip headers.
                }

                var target = requestLine.Split(' ') is [_, var t, ..] ? t : "/";
                var relative = Uri.UnescapeDataString(target.Split('?', '#')[0]).TrimStart('/');
                var path = Path.GetFullPath(Path.Combine(root, relative.Length == 0 ? "index.html" : relative));
                var found = path.StartsWith(root, StringComparison.Ordinal) && File.Exists(path);
                var body = found ? await File.ReadAllBytesAsync(path, stop.Token) : "not found"u8.ToArray();
                var header = $"HTTP/1.0 {(found ? "200 OK" : "404 Not Found")}\r\nContent-Type: {ContentType(path)}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(header), stop.Token);
                await stream.WriteAsync(body, stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
                // The browser hung up; nothing to do.
            }
        }
    }

    private static string ContentType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript",
        ".css" => "text/css",
        ".json" => "application/json",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" => "image/jpeg",
        ".woff2" => "font/woff2",
        _ => "application/octet-stream",
    };
}
