namespace Openterface.Hil.Device;

/// <summary>
/// A byte pipe to the CH9329: a termios tty (/dev/ttyUSB0, /dev/ttyACM0, /dev/pts/N) or raw TCP (ser2net, the
/// simulator). Reads throw a transient <see cref="DeviceException"/> when the port vanishes.
/// </summary>
public interface ISerialPort : IAsyncDisposable
{
    /// <summary>The path or URI it was opened from.</summary>
    string Path { get; }

    /// <summary>Waits for at least one byte; returns how many were copied.</summary>
    ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default);

    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

    /// <summary>Sets the DTR and RTS modem lines (no-op where the transport has none, e.g. TCP or a pty).</summary>
    ValueTask SetControlLinesAsync(bool dtr, bool rts, CancellationToken cancellationToken = default);
}
