using System.Runtime.InteropServices;

namespace Openterface.Hil.Simulator;

/// <summary>
/// The two FIFOs behind QEMU's <c>-chardev pipe,path=P</c> for one QEMU run: <c>P.in</c> (host to guest) and
/// <c>P.out</c> (guest to host), made before QEMU starts (QEMU opens both read-write at launch, so neither open
/// blocks). The guest-to-host FIFO holds 1 MiB, so a host reader that stalls for a while does not make QEMU drop
/// ttyS0 output (QEMU writes it one byte at a time without blocking and gives a byte up after four failed tries; a Unix
/// socket was full after a few hundred such writes). A dedicated thread reads it and hands each chunk to the callback
/// until QEMU exits (end of file). Host writes go into the .in FIFO and wait while it is full: QEMU takes bytes from it
/// only as fast as the guest's 16550 accepts them, so nothing is dropped.
/// </summary>
internal sealed class QemuSerialPipe : IDisposable
{
    /// <summary>The size asked for the guest-to-host FIFO (Linux's default /proc/sys/fs/pipe-max-size).</summary>
    public const int RequestedOutputCapacity = 1 << 20;

    private const int PollMs = 100;
    private readonly Action<ReadOnlyMemory<byte>> _output;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Thread _reader;
    private readonly int _outputFd;
    private int _inputFd = -1;
    private volatile bool _ended;

    private QemuSerialPipe(string path, int outputFd, Action<ReadOnlyMemory<byte>> output, TimeProvider timeProvider)
    {
        Path = path;
        _outputFd = outputFd;
        _output = output;
        _timeProvider = timeProvider;
        OutputCapacity = PtyNative.Fcntl(outputFd, PtyNative.FGetPipeSize, 0);
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "qemu ttyS0 " + path };
        _reader.Start();
    }

    /// <summary>The path QEMU's pipe chardev is given (without .in/.out).</summary>
    public string Path { get; }

    public string InputPath => Path + ".in";

    public string OutputPath => Path + ".out";

    /// <summary>The guest-to-host FIFO's size in bytes (1 MiB unless the system allows less).</summary>
    public int OutputCapacity { get; }

    /// <summary>Whether QEMU closed its end (it exited): later writes are dropped.</summary>
    public bool Ended => _ended;

    /// <summary>
    /// Makes fresh FIFOs at <paramref name="path"/>.in/.out and starts reading the output one; <paramref name="output"/>
    /// is called on the reader thread with a fresh array per chunk.
    /// </summary>
    public static QemuSerialPipe Create(string path, Action<ReadOnlyMemory<byte>> output, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(output);
        MakeFifo(path + ".in");
        MakeFifo(path + ".out");

        // Non-blocking: opening a FIFO's read end alone would wait for a writer. Until QEMU opens its end, poll reports
        // nothing (no hang-up before a first writer), so the reader simply waits.
        var fd = PtyNative.Open(path + ".out", PtyNative.ORdOnly | PtyNative.ONonBlock | PtyNative.OCloExec);
        if (fd < 0)
        {
            throw new IOException($"Cannot open the ttyS0 FIFO '{path}.out': errno {Marshal.GetLastPInvokeError()}.");
        }

        // As large as allowed: an unprivileged process gets at most /proc/sys/fs/pipe-max-size (1 MiB by default).
        _ = PtyNative.Fcntl(fd, PtyNative.FSetPipeSize, RequestedOutputCapacity);
        return new QemuSerialPipe(path, fd, output, timeProvider);
    }

    /// <summary>
    /// Writes all of <paramref name="data"/> into the guest's receive FIFO, waiting while it is full. Dropped (as by a
    /// UART without power) when QEMU has not opened the pipe or has exited.
    /// </summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        await _writeGate.WaitAsync(linked.Token).ConfigureAwait(false);
        try
        {
            while (!data.IsEmpty && !_ended && !_lifetime.IsCancellationRequested)
            {
                if (_inputFd < 0 && !OpenInput())
                {
                    return;
                }

                var written = WriteSome(data.Span, out var error);
                if (written > 0)
                {
                    data = data[written..];
                }
                else if (error == PtyNative.EAgain)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(5), _timeProvider, linked.Token).ConfigureAwait(false);
                }
                else if (error == PtyNative.EPipe)
                {
                    return;
                }
                else if (error != PtyNative.EIntr)
                {
                    throw new IOException($"Writing to the ttyS0 FIFO '{InputPath}' failed: errno {error}.");
                }
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Disposed (powered off) while waiting for room: the rest is dropped.
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public void Dispose()
    {
        if (_lifetime.IsCancellationRequested)
        {
            return;
        }

        _lifetime.Cancel();
        _reader.Join();
        _writeGate.Wait();
        if (_inputFd >= 0)
        {
            PtyNative.Close(_inputFd);
            _inputFd = -1;
        }

        PtyNative.Close(_outputFd);
        File.Delete(InputPath);
        File.Delete(OutputPath);
    }

    private static void MakeFifo(string path)
    {
        File.Delete(path);
        if (PtyNative.MkFifo(path, 0x180) != 0)
        {
            throw new IOException(
                $"Cannot make the ttyS0 FIFO '{path}': errno {Marshal.GetLastPInvokeError()}. The QEMU work folder must be on a file system that supports FIFOs.");
        }
    }

    /// <summary>Opens the write end; false when QEMU does not hold the FIFO open (not started, or gone).</summary>
    private bool OpenInput()
    {
        var fd = PtyNative.Open(InputPath, PtyNative.OWrOnly | PtyNative.ONonBlock | PtyNative.OCloExec);
        if (fd >= 0)
        {
            _inputFd = fd;
            return true;
        }

        var error = Marshal.GetLastPInvokeError();
        if (error is PtyNative.ENxio or PtyNative.ENoEnt)
        {
            return false;
        }

        throw new IOException($"Cannot open the ttyS0 FIFO '{InputPath}': errno {error}.");
    }

    private unsafe int WriteSome(ReadOnlySpan<byte> data, out int error)
    {
        fixed (byte* start = data)
        {
            var count = PtyNative.Write(_inputFd, start, data.Length);
            error = count < 0 ? Marshal.GetLastPInvokeError() : 0;
            return count > 0 ? (int)count : 0;
        }
    }

    private unsafe void ReadLoop()
    {
        var buffer = new byte[64 * 1024];
        while (!_lifetime.IsCancellationRequested)
        {
            var poll = new PtyNative.PollFd { Fd = _outputFd, Events = PtyNative.PollIn };
            if (PtyNative.Poll(&poll, 1, PollMs) <= 0)
            {
                continue;
            }

            nint count;
            fixed (byte* pointer = buffer)
            {
                count = PtyNative.Read(_outputFd, pointer, buffer.Length);
            }

            if (count > 0)
            {
                _output(buffer.AsMemory(0, (int)count).ToArray());
            }
            else if (count == 0 || Marshal.GetLastPInvokeError() is not (PtyNative.EAgain or PtyNative.EIntr))
            {
                // End of file: QEMU closed its end (it exited).
                break;
            }
        }

        _ended = true;
    }
}
