using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Openterface.Hil.Video;

/// <summary>
/// A client for one QMP unix socket (QEMU accepts one client per socket): reads the greeting, negotiates
/// capabilities, sends commands tagged with ids and matches replies by id. Events can arrive before a command's
/// reply (for example on "quit"); a dedicated reader loop sets them aside in a short history and raises
/// <see cref="EventReceived"/>, so a waiter can ask for an event that arrived before it started waiting.
/// </summary>
internal sealed partial class QmpClient : IAsyncDisposable
{
    private const int EventHistory = 256;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly LinkedList<QmpEvent> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _reader = Task.CompletedTask;
    private long _nextId;
    private long _eventSequence;
    private Exception? _failure;
    private long _malformedLines;
    private string? _lastMalformed;

    private QmpClient(string socketPath, Socket socket)
    {
        SocketPath = socketPath;
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
    }

    /// <summary>Raised on the reader loop for every event; handlers must be quick and must not throw.</summary>
    public event EventHandler<QmpEvent>? EventReceived;

    public string SocketPath { get; }

    /// <summary>QEMU's version from the greeting, e.g. "7.2.22".</summary>
    public string QemuVersion { get; private set; } = string.Empty;

    /// <summary>The sequence number of the newest event so far (0 = none); pass it to <see cref="WaitForEventAsync"/>.</summary>
    public long LastEventSequence => Interlocked.Read(ref _eventSequence);

    public bool IsConnected => !_closed.Task.IsCompleted;

    /// <summary>Lines from QEMU that were not valid QMP messages and were skipped.</summary>
    public long MalformedLines => Interlocked.Read(ref _malformedLines);

    /// <summary>The last skipped line and why, or null.</summary>
    public string? LastMalformed => Volatile.Read(ref _lastMalformed);

    /// <summary>Connects, reads the greeting and enters command mode.</summary>
    public static async Task<QmpClient> ConnectAsync(string socketPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(socketPath);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new QmpException(
                $"Cannot connect to the QMP socket '{socketPath}': {e.Message}. Check that QEMU runs with " +
                $"'-qmp unix:{socketPath},server=on,wait=off' and that no other client holds the socket.", e);
        }

        var client = new QmpClient(socketPath, socket);
        try
        {
            await client.StartAsync(cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs a command and returns its "return" value (a detached copy).</summary>
    public async Task<JsonElement> ExecuteAsync(string command, JsonObject? arguments = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        ThrowIfClosed(command);
        var id = "hil-" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new JsonObject { ["execute"] = command, ["id"] = id };
        if (arguments is not null)
        {
            request["arguments"] = arguments.DeepClone();
        }

        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        try
        {
            var bytes = Encoding.UTF8.GetBytes(request.ToJsonString() + "\n");
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _writeLock.Release();
            }

            var message = await reply.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (message.TryGetProperty("error", out var error))
            {
                var errorClass = error.TryGetProperty("class", out var c) ? c.GetString() : null;
                var description = error.TryGetProperty("desc", out var d) ? d.GetString() : error.ToString();
                throw new QmpException($"QMP command '{command}' failed: {errorClass}: {description}", errorClass);
            }

            return message.TryGetProperty("return", out var value) ? value : default;
        }
        catch (IOException e)
        {
            throw Gone(command, e);
        }
        catch (SocketException e)
        {
            throw Gone(command, e);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>
    /// Waits for an event named <paramref name="name"/> (matching <paramref name="match"/>) with a sequence number
    /// above <paramref name="afterSequence"/>; events already set aside count, so take the sequence before acting.
    /// </summary>
    public async Task<QmpEvent> WaitForEventAsync(
        string name, long afterSequence, Func<QmpEvent, bool>? match = null, CancellationToken cancellationToken = default)
    {
        var found = new TaskCompletionSource<QmpEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool Matches(QmpEvent e) => e.Sequence > afterSequence && e.Name == name && (match is null || match(e));
        void OnEvent(object? sender, QmpEvent e)
        {
            if (Matches(e))
            {
                found.TrySetResult(e);
            }
        }

        EventReceived += OnEvent;
        try
        {
            lock (_events)
            {
                var earlier = _events.FirstOrDefault(Matches);
                if (earlier is not null)
                {
                    return earlier;
                }
            }

            var closed = _closed.Task;
            var first = await Task.WhenAny(found.Task, closed).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (first == closed && !found.Task.IsCompleted)
            {
                throw Gone($"wait for event {name}", _failure);
            }

            return await found.Task.ConfigureAwait(false);
        }
        finally
        {
            EventReceived -= OnEvent;
        }
    }

    /// <summary>Events set aside so far (newest last, at most 256).</summary>
    public IReadOnlyList<QmpEvent> RecentEvents()
    {
        lock (_events)
        {
            return [.. _events];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already gone: nothing to shut down.
        }

        _socket.Dispose();
        try
        {
#pragma warning disable VSTHRD003 // The reader loop is this client's own task, started in StartAsync.
            await _reader.ConfigureAwait(false);
#pragma warning restore VSTHRD003
        }
        catch (OperationCanceledException)
        {
            // The reader stops by cancellation.
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
        _writeLock.Dispose();
        _stop.Dispose();
    }

    private QmpException Gone(string command, Exception? inner) =>
        new($"QEMU's QMP socket '{SocketPath}' closed during '{command}' (QEMU quit or crashed). Check QEMU's " +
            "output; start the target again.", null, inner);

    private void ThrowIfClosed(string command)
    {
        if (_closed.Task.IsCompleted)
        {
            throw Gone(command, _failure);
        }
    }
}
