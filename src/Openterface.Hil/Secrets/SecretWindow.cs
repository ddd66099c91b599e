namespace Openterface.Hil;

/// <summary>
/// When a secret may be on screen: from the moment a secret is typed until the next non-secret input action has
/// been sent. Steps that end inside a window get a placeholder instead of a screenshot, and the failure video
/// leaves the window's frames out. Times are <see cref="TimeProvider.GetTimestamp"/> values, like frame timestamps.
/// </summary>
internal sealed class SecretWindow
{
    private const int MaxClosed = 64;
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Queue<(long From, long To)> _closed = new();
    private long? _openedAt;
    private int _holds;

    public SecretWindow(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>True while a secret may be on screen.</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _openedAt is not null;
            }
        }
    }

    /// <summary>A secret is about to be typed (keeps an already open window's start).</summary>
    public void Open()
    {
        lock (_gate)
        {
            _openedAt ??= _time.GetTimestamp();
        }
    }

    /// <summary>Opens the window and keeps it open, whatever is sent, until the returned scope ends (closed-loop typing of a secret).</summary>
    public IDisposable Hold()
    {
        lock (_gate)
        {
            _openedAt ??= _time.GetTimestamp();
            _holds++;
        }

        return new Release(this);
    }

    /// <summary>A non-secret input action has been sent: the window ends now, unless a hold keeps it open.</summary>
    public void Close()
    {
        lock (_gate)
        {
            if (_holds > 0 || _openedAt is not { } from)
            {
                return;
            }

            _closed.Enqueue((from, _time.GetTimestamp()));
            _openedAt = null;
            while (_closed.Count > MaxClosed)
            {
                _closed.Dequeue();
            }
        }
    }

    /// <summary>True when a frame captured at <paramref name="timestamp"/> may show a secret.</summary>
    public bool Covers(long timestamp)
    {
        lock (_gate)
        {
            if (_openedAt is { } from && timestamp >= from)
            {
                return true;
            }

            foreach (var (start, end) in _closed)
            {
                if (timestamp >= start && timestamp <= end)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private sealed class Release(SecretWindow window) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                lock (window._gate)
                {
                    window._holds--;
                }
            }
        }
    }
}
