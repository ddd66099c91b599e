namespace Openterface.Hil.Simulator;

/// <summary>
/// A target's UART as a pseudo-terminal behind a stable symlink (<see cref="Uri"/>), like /dev/serial/by-id: replugging
/// makes a new pty and points the link at it, so a harness reopening the same path finds the console again. One
/// thread moves bytes both ways; output waits in a bounded queue (1 MiB, oldest dropped) while the harness reads.
/// </summary>
internal sealed class UartPtyServer : UartServer
{
    private const int QueueLimit = 1 << 20;
    private readonly Lock _gate = new();
    private readonly Queue<(long Sequence, byte[] Data)> _pending = new();
    private readonly string _directory;
    private readonly string _link;
    private int _pendingBytes;
    private long _enqueued;
    private long _dropped;
    private int _headOffset;
    private UartPty? _pty;
    private Thread? _thread;
    private volatile bool _running;
    private volatile bool _harnessPresent;

    public UartPtyServer(ITargetUart target)
        : base(target)
    {
        _directory = Directory.CreateTempSubdirectory("hil-console-").FullName;
        _link = Path.Combine(_directory, "ttyS0");
        Start();
        Target.UartOutput += OnOutput;
    }

    public override string Uri => _link;

    public override bool HarnessConnected => _harnessPresent;

    /// <summary>Output bytes lost because nobody had the port open (or the queue overflowed).</summary>
    internal long DroppedBytes => Interlocked.Read(ref _dropped);

    /// <summary>The pty the link points at right now (/dev/pts/N).</summary>
    public string? SlavePath => _pty?.SlavePath;

    public override ValueTask DisposeAsync()
    {
        Target.UartOutput -= OnOutput;
        Stop();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    protected override void OnUnplug() => Stop();

    protected override void OnReplug() => Start();

    private void Start()
    {
        var pty = UartPty.Open();
        _pty = pty;
        File.Delete(_link);
        File.CreateSymbolicLink(_link, pty.SlavePath);
        _running = true;
        _thread = new Thread(() => Run(pty)) { IsBackground = true, Name = "console pty " + pty.SlavePath };
        _thread.Start();
    }

    private void Stop()
    {
        _running = false;
        _harnessPresent = false;
        _thread?.Join();
        _thread = null;
        File.Delete(_link);
        _pty?.Dispose();
        _pty = null;
        lock (_gate)
        {
            _pending.Clear();
            _pendingBytes = 0;
            _headOffset = 0;
        }
    }

    private void OnOutput(object? sender, ReadOnlyMemory<byte> data)
    {
        if (!Plugged)
        {
            return;
        }

        lock (_gate)
        {
            _pending.Enqueue((_enqueued++, data.ToArray()));
            _pendingBytes += data.Length;
            while (_pendingBytes > QueueLimit && _pending.Count > 1)
            {
                _pendingBytes -= _pending.Dequeue().Data.Length - _headOffset;
                _headOffset = 0;
            }
        }
    }

    private void Run(UartPty pty)
    {
        var buffer = new byte[1024];
        while (_running)
        {
            bool wantWrite;
            long before;
            lock (_gate)
            {
                wantWrite = _pending.Count > 0;
                before = _enqueued;
            }

            _harnessPresent = pty.Poll(wantWrite, 20, out var readable, out var writable);
            if (!_harnessPresent)
            {
                // Nobody had the port open: what the target printed until then is lost, as on a real UART. Output that
                // arrived during the poll is kept (the harness may have opened the port meanwhile); the next round decides.
                DropBefore(before);
                continue;
            }

            if (readable && pty.Read(buffer) is var count and > 0)
            {
#pragma warning disable VSTHRD002 // a dedicated thread (no synchronisation context): keeps the harness's bytes in order.
                Target.WriteUartAsync(buffer.AsMemory(0, count).ToArray()).AsTask().GetAwaiter().GetResult();
#pragma warning restore VSTHRD002
            }

            if (writable)
            {
                WritePending(pty);
            }
        }
    }

    private void DropBefore(long sequence)
    {
        lock (_gate)
        {
            while (_pending.Count > 0 && _pending.Peek().Sequence < sequence)
            {
                var lost = _pending.Dequeue().Data.Length - _headOffset;
                _pendingBytes -= lost;
                Interlocked.Add(ref _dropped, lost);
                _headOffset = 0;
            }
        }
    }

    private void WritePending(UartPty pty)
    {
        lock (_gate)
        {
            while (_pending.Count > 0)
            {
                var head = _pending.Peek().Data;
                var written = pty.Write(head.AsSpan(_headOffset));
                if (written == 0)
                {
                    return;
                }

                _headOffset += written;
                _pendingBytes -= written;
                if (_headOffset == head.Length)
                {
                    _pending.Dequeue();
                    _headOffset = 0;
                }
            }
        }
    }
}
