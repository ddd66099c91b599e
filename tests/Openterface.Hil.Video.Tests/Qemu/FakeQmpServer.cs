using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Openterface.Hil.Video.Tests.Qemu;

/// <summary>
/// A scripted QMP peer on a real unix socket: greets, acknowledges qmp_capabilities, then answers each command
/// with the lines its script returns (events and replies, in that order, like QEMU).
/// </summary>
internal sealed class FakeQmpServer : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly Func<JsonElement, IEnumerable<string>> _script;
    private readonly Task _serve;
    private Socket? _connection;

    public FakeQmpServer(Func<JsonElement, IEnumerable<string>> script)
    {
        _script = script;
        SocketPath = Path.Combine(Path.GetTempPath(), $"hil-fake-qmp-{Guid.NewGuid():N}.sock");
        _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _listener.Listen(1);
        _serve = Task.Run(ServeAsync);
    }

    public string SocketPath { get; }

    public List<string> Received { get; } = [];

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        _connection?.Dispose();
        try
        {
#pragma warning disable VSTHRD003 // The serving loop is this object's own task.
            await _serve;
#pragma warning restore VSTHRD003
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
            // Closed under the server's feet: expected at the end of a test.
        }

        File.Delete(SocketPath);
    }

    private async Task ServeAsync()
    {
        using var connection = await _listener.AcceptAsync();
        _connection = connection;
        await using var stream = new NetworkStream(connection);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("""{"QMP": {"version": {"qemu": {"micro": 22, "minor": 2, "major": 7}, "package": ""}, "capabilities": []}}""");
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (Received)
            {
                Received.Add(line);
            }

            using var request = JsonDocument.Parse(line);
            var id = request.RootElement.GetProperty("id").GetRawText();
            if (request.RootElement.GetProperty("execute").GetString() == "qmp_capabilities")
            {
                await writer.WriteLineAsync($$"""{"return": {}, "id": {{id}}}""");
                continue;
            }

            foreach (var answer in _script(request.RootElement))
            {
                await writer.WriteLineAsync(answer.Replace("$ID", id, StringComparison.Ordinal));
            }
        }
    }
}
