using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Openterface.Hil.Video;

/// <summary>The reader loop: one JSON message per line; replies complete their command, events are set aside.</summary>
internal sealed partial class QmpClient
{
    private StreamReader? _lines;

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        _lines = new StreamReader(_stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, bufferSize: 16384, leaveOpen: true);
        var greeting = await _lines.ReadLineAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new QmpException($"QMP socket '{SocketPath}' closed before the greeting. Another client may hold it.");
        using (var document = ParseGreeting(greeting))
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("QMP", out var qmp))
            {
                throw new QmpException($"'{SocketPath}' did not greet like QMP: '{greeting}'. Point at QEMU's -qmp socket.");
            }

            if (qmp.TryGetProperty("version", out var version) && version.TryGetProperty("qemu", out var v))
            {
                QemuVersion = $"{v.GetProperty("major").GetInt32()}.{v.GetProperty("minor").GetInt32()}.{v.GetProperty("micro").GetInt32()}";
            }
        }

        _reader = Task.Run(() => ReadLoopAsync(_stop.Token), CancellationToken.None);
        await ExecuteAsync("qmp_capabilities", cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var line = await _lines!.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (line is null)
                {
                    break;
                }

                if (line.Length > 0)
                {
                    Dispatch(line);
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            _failure = e;
        }
        finally
        {
            _closed.TrySetResult();
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(Gone("a pending command", _failure));
            }

            _lines?.Dispose();
        }
    }

    private JsonDocument ParseGreeting(string greeting)
    {
        try
        {
            return JsonDocument.Parse(greeting);
        }
        catch (JsonException e)
        {
            throw new QmpException($"'{SocketPath}' did not greet like QMP: '{Shorten(greeting)}' is not JSON. Point at QEMU's -qmp socket.", e);
        }
    }

    /// <summary>
    /// Handles one line. A line that is not a JSON object, or an event with a malformed timestamp, is counted in
    /// <see cref="MalformedLines"/> and skipped: one bad line must not look like QEMU quitting.
    /// </summary>
    private void Dispatch(string line)
    {
        try
        {
            DispatchCore(line);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            Interlocked.Increment(ref _malformedLines);
            Volatile.Write(ref _lastMalformed, $"'{Shorten(line)}' ({e.Message})");
        }
    }

    private void DispatchCore(string line)
    {
        JsonElement message;
        using (var document = JsonDocument.Parse(line))
        {
            message = document.RootElement.Clone();
        }

        if (message.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"a JSON {message.ValueKind} instead of an object");
        }

        if (message.TryGetProperty("event", out var name))
        {
            var data = message.TryGetProperty("data", out var d) ? d : default;
            var timestamp = DateTimeOffset.UnixEpoch;
            if (message.TryGetProperty("timestamp", out var t))
            {
                timestamp = DateTimeOffset.FromUnixTimeSeconds(t.GetProperty("seconds").GetInt64())
                    .AddTicks(t.GetProperty("microseconds").GetInt64() * 10);
            }

            var qmpEvent = new QmpEvent(Interlocked.Increment(ref _eventSequence), name.GetString() ?? string.Empty, data, timestamp);
            lock (_events)
            {
                _events.AddLast(qmpEvent);
                if (_events.Count > EventHistory)
                {
                    _events.RemoveFirst();
                }
            }

            EventReceived?.Invoke(this, qmpEvent);
            return;
        }

        if (message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String &&
            _pending.TryGetValue(id.GetString()!, out var waiter))
        {
            waiter.TrySetResult(message);
        }
    }

    private static string Shorten(string line) => line.Length <= 120 ? line : line[..120] + "...";
}
