namespace Openterface.Hil.Simulator;

/// <summary>
/// The guest's ttyS0 as the rig's serial console: QEMU's pipe chardev on two FIFOs in the work folder
/// (<see cref="QemuSerialPipe"/>, made before each QEMU start, so nothing is lost); every byte is appended to
/// <see cref="SerialLogPath"/> and raised as <see cref="UartOutput"/>, and <see cref="WriteUartAsync"/> types into
/// the guest's serial port.
/// </summary>
public sealed partial class QemuTarget : ITargetUart
{
    private readonly Lock _uartGate = new();
    private QemuSerialPipe? _uartPipe;
    private FileStream? _uartLog;

    public event EventHandler<ReadOnlyMemory<byte>>? UartOutput;

    /// <summary>The path QEMU's ttyS0 pipe chardev is given: the FIFOs are this plus .in and .out.</summary>
    internal string UartPipePath => Path.Combine(WorkDirectory, "ttyS0");

    /// <summary>The FIFOs of the running QEMU (null while powered off).</summary>
    internal QemuSerialPipe? UartPipe => Volatile.Read(ref _uartPipe);

    public async ValueTask WriteUartAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        var pipe = Volatile.Read(ref _uartPipe);
        if (pipe is null)
        {
            // Powered off: a UART without power drops what it receives.
            return;
        }

        try
        {
            await pipe.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // Powered off meanwhile.
        }
    }

    /// <summary>Fresh FIFOs for the next QEMU run (the previous run's are closed first); returns the chardev path.</summary>
    private string OpenUart()
    {
        CloseUart();
        lock (_uartGate)
        {
            var log = new FileStream(SerialLogPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            try
            {
                _uartPipe = QemuSerialPipe.Create(UartPipePath, chunk => OnUartOutput(log, chunk), _timeProvider);
            }
            catch
            {
                log.Dispose();
                throw;
            }

            _uartLog = log;
            return _uartPipe.Path;
        }
    }

    /// <summary>On the pipe's reader thread: the log first (waiters read it), then the subscribers.</summary>
    private void OnUartOutput(FileStream log, ReadOnlyMemory<byte> chunk)
    {
        log.Write(chunk.Span);
        log.Flush();
        UartOutput?.Invoke(this, chunk);
    }

    private void CloseUart()
    {
        lock (_uartGate)
        {
            Interlocked.Exchange(ref _uartPipe, null)?.Dispose();
            _uartLog?.Dispose();
            _uartLog = null;
        }
    }
}
