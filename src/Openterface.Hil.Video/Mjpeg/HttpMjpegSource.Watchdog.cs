namespace Openterface.Hil.Video;

/// <summary>
/// The stall watchdog and the unproductive-reconnect guard of <see cref="HttpMjpegSource"/>: a connect or read
/// that receives no byte for <see cref="FrameSourceOptions.StallTimeout"/> is cancelled, and a server that keeps
/// accepting and closing without a complete frame fails the read after <see cref="FrameSourceOptions.ReconnectTimeout"/>.
/// </summary>
internal sealed partial class HttpMjpegSource
{
    private readonly ITimer _watchdog;
    private CancellationTokenSource _io = new();
    private int _busy;
    private int _stalled;
    private long _lastProgressAt;
    private long _lastBytes;
    private long _framesOnConnection;
    private long? _unproductiveSince;
    private int _unproductiveDrops;

    /// <summary>Runs one connect or part read under the watchdog; a stall becomes a <see cref="VideoException"/>.</summary>
    private async ValueTask<T> GuardedAsync<T>(Func<CancellationToken, ValueTask<T>> operation, CancellationToken cancellationToken)
    {
        CancellationToken io;
        lock (_gate)
        {
            if (_io.IsCancellationRequested)
            {
                _io.Dispose();
                _io = new CancellationTokenSource();
            }

            io = _io.Token;
            _stalled = 0;
            _lastBytes = _reader?.BytesRead ?? -1;
            _lastProgressAt = _options.TimeProvider.GetTimestamp();
            _busy = 1;
        }

        using var link = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), _io);
        try
        {
            return await operation(io).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && !cancellationToken.IsCancellationRequested &&
                                  Volatile.Read(ref _stalled) == 1)
        {
            var phase = _reader is null ? "while connecting" : "while reading a frame";
            Disconnect();
            throw new VideoException(
                $"MJPEG stream '{Uri}' stalled: no data for {_options.StallTimeout.TotalSeconds:0.#} s " +
                $"({phase}). The connection was dropped; " +
                "check the streamer (ustreamer) and the network.",
                isRigFault: true,
                e);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A read cancelled in the middle of a part leaves the parser mid-part: start clean next time.
            Disconnect();
            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    private void CheckStall()
    {
        lock (_gate)
        {
            if (_busy == 0 || _io.IsCancellationRequested)
            {
                return;
            }

            var now = _options.TimeProvider.GetTimestamp();
            var bytes = _reader?.BytesRead ?? -1;
            if (bytes != _lastBytes)
            {
                _lastBytes = bytes;
                _lastProgressAt = now;
                return;
            }

            if (_options.TimeProvider.GetElapsedTime(_lastProgressAt, now) >= _options.StallTimeout)
            {
                _stalled = 1;
                _io.Cancel();
            }
        }
    }

    /// <summary>
    /// Called when a connection ended. A connection that delivered no complete part counts as unproductive; when
    /// that goes on for <see cref="FrameSourceOptions.ReconnectTimeout"/> the read fails naming the last reason.
    /// </summary>
    private async ValueTask NoteDropAsync(string reason, CancellationToken cancellationToken)
    {
        var productive = _framesOnConnection > 0;
        _framesOnConnection = 0;
        var time = _options.TimeProvider;
        if (productive)
        {
            _unproductiveSince = null;
            _unproductiveDrops = 0;
            return;
        }

        _unproductiveSince ??= time.GetTimestamp();
        _unproductiveDrops++;
        var elapsed = time.GetElapsedTime(_unproductiveSince.Value);
        if (elapsed >= _options.ReconnectTimeout)
        {
            var drops = _unproductiveDrops;
            _unproductiveSince = null;
            _unproductiveDrops = 0;
            throw new VideoException(
                $"MJPEG stream '{Uri}' keeps ending before a complete frame: {drops} connections in {elapsed.TotalSeconds:0.#} s, " +
                $"the last because {reason}. Check the streamer (ustreamer) and that the URL is its stream.",
                isRigFault: true);
        }

        await Task.Delay(_options.ReconnectDelay, time, cancellationToken).ConfigureAwait(false);
    }
}
