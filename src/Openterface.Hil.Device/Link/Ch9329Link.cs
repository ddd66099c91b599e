using Microsoft.Extensions.Logging;
using Openterface.Hil.Protocol;
using Polly;
using Polly.CircuitBreaker;

namespace Openterface.Hil.Device;

/// <summary>
/// The serial link to a CH9329: one request in flight (or a window of pipelined keyboard reports, ACKs matched in
/// order: Ch9329Link.Stream.cs), replies matched by command code, other frames
/// (unsolicited GET_INFO after an LED change, custom-HID 87) raised as events. A Polly pipeline built once retries
/// transient faults (no reply within the reply timeout, E1/E2/E4 replies, garbage) and opens a circuit breaker when
/// the chip stays silent. A vanished port is reopened in the background (same or new path).
/// </summary>
internal sealed partial class Ch9329Link : IAsyncDisposable
{
    private readonly LinkOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _requestGate = new(1, 1);
    private readonly Lock _pendingLock = new();
    private readonly Ch9329FrameDecoder _decoder = new();
    private readonly ResiliencePipeline _pipeline;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly LinkTranscript _transcript;
    private ISerialPort? _port;
    private CancellationTokenSource? _portReader;
    private Task _readerTask = Task.CompletedTask;
    private Task _backgroundTask = Task.CompletedTask;
    private (Ch9329Command Command, TaskCompletionSource<Ch9329Frame> Reply)? _pending;
    private readonly Queue<TaskCompletionSource<Ch9329Frame>> _streamed = new();
    private long _lastTraffic;
    private int _redactKeyboard;
    private volatile bool _lost;

    private Ch9329Link(string uri, LinkOptions options)
    {
        Uri = uri;
        _options = options;
        _logger = options.LoggerFactory.CreateLogger(SerialLog.Category);
        _transcript = new LinkTranscript(options.TranscriptLines);
        _pipeline = BuildPipeline();
    }

    /// <summary>The port in use (changes when a reconnect finds the device on a new path).</summary>
    public string Uri { get; private set; }

    public int BaudRate { get; private set; }

    public LinkState State { get; private set; } = LinkState.Disconnected;

    public ChipInfo? LastInfo { get; private set; }

    /// <summary>Increments each time a port is (re)opened and answers; a change means the link dropped in between.</summary>
    public int Epoch { get; private set; }

    public IReadOnlyList<string> Transcript => _transcript.Snapshot();

    public ISerialPort? Port => _port;

    /// <summary>Frames nobody asked for (unsolicited 81 after an LED change, 87 custom-HID data, stale replies).</summary>
    public event Action<Ch9329Frame>? UnsolicitedFrame;

    public event EventHandler<LinkStateChangedEventArgs>? StateChanged;

    /// <summary>Called after a reconnect, before requests flow again (MiniKvm sends release-all).</summary>
    public Func<CancellationToken, Task>? Reconnected { get; set; }

    /// <summary>Opens the port and probes the baud rates in order until GET_INFO answers.</summary>
    public static async Task<Ch9329Link> OpenAsync(string uri, LinkOptions options, CancellationToken cancellationToken)
    {
        var link = new Ch9329Link(uri, options);
        try
        {
            await link.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await link.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        link.SetState(LinkState.Connected, null);
        link._backgroundTask = link.HeartbeatLoopAsync(link._lifetime.Token);
        return link;
    }

    /// <summary>Redacts keyboard payloads in the transcript and logs while the returned scope is alive (secret typing).</summary>
    public IDisposable RedactKeyboard()
    {
        Interlocked.Increment(ref _redactKeyboard);
        return new RedactionScope(this);
    }

    /// <summary>Sends a request and returns its reply, with retries; error replies throw <see cref="ProtocolException"/>.</summary>
    public async Task<Ch9329Frame> RequestAsync(Ch9329Frame request, CancellationToken cancellationToken = default)
    {
        var attempt = 0;
        try
        {
            return await _pipeline.ExecuteAsync(
                async token =>
                {
                    if (attempt++ > 0)
                    {
                        SerialLog.Retrying(_logger, request.Command.ToString(), Uri, attempt, "previous attempt failed");
                    }

                    var reply = await AttemptAsync(request, _options.ReplyTimeout, token).ConfigureAwait(false);
                    Ch9329Replies.EnsureSuccess(reply);
                    return reply;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException e)
        {
            throw StoppedAnswering(e);
        }
    }

    /// <summary>The circuit breaker opened: the chip gave no reply to several requests in a row.</summary>
    private DeviceException StoppedAnswering(BrokenCircuitException e) =>
        new(
            $"The CH9329 on '{Uri}' stopped answering ({_options.BreakAfterTimeouts} requests in a row got no reply within {_options.ReplyTimeout.TotalMilliseconds:0}ms). "
            + "Check the cable; if it persists the chip may be in its 'zombie' state: factory-reset it (SET_DEFAULT_CFG, or RTS held 4s on v1.9 boards) and replug.",
            isTransient: false,
            e);

    public async Task<ChipInfo> GetInfoAsync(CancellationToken cancellationToken = default)
    {
        var reply = await RequestAsync(Ch9329Requests.GetInfo(), cancellationToken).ConfigureAwait(false);
        var info = ParseInfo(reply);
        LastInfo = info;
        return info;
    }

    private static ChipInfo ParseInfo(Ch9329Frame reply)
    {
        try
        {
            return ChipInfo.Parse(reply.Data);
        }
        catch (ProtocolException e)
        {
            throw new ProtocolException(ProtocolError.BadPayload, $"GET_INFO reply '{reply}' is malformed: {e.Message}");
        }
    }

    private async Task<Ch9329Frame> AttemptAsync(Ch9329Frame request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _requestGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await AttemptHoldingGateAsync(request, timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _requestGate.Release();
        }
    }

    /// <summary>One request and its reply; the caller holds the request gate.</summary>
    private async Task<Ch9329Frame> AttemptHoldingGateAsync(Ch9329Frame request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var port = _port;
        if (port is null || _lost)
        {
            throw new DeviceException($"Serial port '{Uri}' is disconnected; reconnecting. Check the USB cable.", isTransient: true);
        }

        var reply = new TaskCompletionSource<Ch9329Frame>(TaskCreationOptions.RunContinuationsAsynchronously);
        var expected = request.Command;
        lock (_pendingLock)
        {
            _pending = (expected, reply);
        }

        try
        {
            var bytes = request.ToBytes();
            Record("TX", bytes, request.Command);
            await port.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            using var deadline = new CancellationTokenSource(timeout, _options.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
            try
            {
                return await reply.Task.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new NoReplyException($"No reply from the CH9329 on '{Uri}' to {expected} within {timeout.TotalMilliseconds:0}ms.");
            }
        }
        finally
        {
            lock (_pendingLock)
            {
                if (_pending?.Reply == reply)
                {
                    _pending = null;
                }
            }
        }
    }

    private void Dispatch(Ch9329Frame frame)
    {
        _lastTraffic = _options.TimeProvider.GetTimestamp();
        Record("RX", frame.ToBytes(), frame.Command);
        TaskCompletionSource<Ch9329Frame>? reply = null;
        lock (_pendingLock)
        {
            if (_pending is { } pending && (frame.IsReply || frame.IsErrorReply) && frame.Command == pending.Command && frame.Command != Ch9329Command.ReadCustomHid)
            {
                reply = pending.Reply;
                _pending = null;
            }
            else if ((frame.IsReply || frame.IsErrorReply) && frame.Command == Ch9329Command.SendKeyboard && _streamed.Count > 0)
            {
                // Pipelined keyboard reports: ACKs carry no sequence number, the chip answers in order.
                reply = _streamed.Dequeue();
            }
        }

        if (reply is not null)
        {
            reply.TrySetResult(frame);
            return;
        }

        SerialLog.Unsolicited(_logger, frame.ToString());
        if (frame.Code == 0x81 && frame.Data.Length == ChipInfo.Size)
        {
            LastInfo = ChipInfo.Parse(frame.Data);
        }

        UnsolicitedFrame?.Invoke(frame);
    }

    private void FailPending(Exception error)
    {
        TaskCompletionSource<Ch9329Frame>? reply;
        TaskCompletionSource<Ch9329Frame>[] streamed;
        lock (_pendingLock)
        {
            reply = _pending?.Reply;
            _pending = null;
            streamed = _streamed.Count == 0 ? [] : [_streamed.Peek()];
            if (error is DeviceException)
            {
                // The port is gone: nothing in flight will be answered.
                streamed = [.. _streamed];
                _streamed.Clear();
            }
            else if (streamed.Length > 0)
            {
                // Garbage in place of the oldest streamed report's ACK.
                _streamed.Dequeue();
            }
        }

        reply?.TrySetException(error);
        foreach (var entry in streamed)
        {
            entry.TrySetException(error);
        }
    }

    private void Record(string direction, byte[] bytes, Ch9329Command command)
    {
        var line = direction + " " + (command == Ch9329Command.SendKeyboard && Volatile.Read(ref _redactKeyboard) > 0 && bytes.Length > 5
            ? Ch9329Frame.Hex(bytes.AsSpan(0, 5)) + string.Concat(Enumerable.Repeat(" **", bytes.Length - 5))
            : Ch9329Frame.Hex(bytes));
        _transcript.Add(line);
        SerialLog.Traffic(_logger, direction, line[3..]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_lifetime.IsCancellationRequested)
        {
            return;
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        await ClosePortAsync().ConfigureAwait(false);
        try
        {
#pragma warning disable VSTHRD003 // the heartbeat task was started by this link; awaiting it on dispose is the point.
            await _backgroundTask.ConfigureAwait(false);
#pragma warning restore VSTHRD003
        }
        catch (OperationCanceledException)
        {
        }

        SetState(LinkState.Closed, null);
        _lifetime.Dispose();
    }

    private void SetState(LinkState state, Exception? reason)
    {
        if (State == state)
        {
            return;
        }

        State = state;
        StateChanged?.Invoke(this, new LinkStateChangedEventArgs(state, Uri, reason));
    }

    private sealed class RedactionScope(Ch9329Link link) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref link._redactKeyboard);
            }
        }
    }
}
