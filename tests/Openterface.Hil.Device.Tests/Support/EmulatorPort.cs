using System.Threading.Channels;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.Device.Tests;

/// <summary>
/// An in-memory serial port wired straight to an emulator (no pty): fast fault tests. It behaves like a Linux tty
/// towards the emulator's modem lines: open() raises DTR and RTS (unless the last close left the port at B0), every
/// TIOCMSET is passed on, and close drops both lines; the speed changes on the open port (tcsetattr).
/// </summary>
internal sealed class EmulatorPort : ISerialPort, IBaudRatePort
{
    private readonly Ch9329Emulator _emulator;
    private readonly Channel<byte[]> _fromChip = Channel.CreateUnbounded<byte[]>();
    private byte[]? _pending;
    private int _offset;

    public EmulatorPort(Ch9329Emulator emulator, string path = "mem://ch9329", int? baudRate = null)
    {
        _emulator = emulator;
        Path = path;
        emulator.HostBaudRate = baudRate;
        emulator.HostOpened();
        emulator.Output = (bytes, _) =>
        {
            _fromChip.Writer.TryWrite(bytes.ToArray());
            return ValueTask.CompletedTask;
        };
    }

    public string Path { get; }

    public (bool Dtr, bool Rts) Lines { get; private set; }

    public List<(bool Dtr, bool Rts)> LineHistory { get; } = [];

    public void Vanish() => _fromChip.Writer.TryComplete(new DeviceException($"Serial port '{Path}' vanished (test).", isTransient: true));

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_pending is null)
        {
            try
            {
                _pending = await _fromChip.Reader.ReadAsync(cancellationToken);
            }
            catch (ChannelClosedException e) when (e.InnerException is DeviceException device)
            {
                throw device;
            }

            _offset = 0;
        }

        var count = Math.Min(buffer.Length, _pending.Length - _offset);
        _pending.AsSpan(_offset, count).CopyTo(buffer.Span);
        _offset += count;
        if (_offset == _pending.Length)
        {
            _pending = null;
        }

        return count;
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) => _emulator.ReceiveAsync(data, cancellationToken);

    public ValueTask SetControlLinesAsync(bool dtr, bool rts, CancellationToken cancellationToken = default)
    {
        Lines = (dtr, rts);
        LineHistory.Add(Lines);
        _emulator.SetModemLines(dtr, rts);
        return ValueTask.CompletedTask;
    }

    public ValueTask SetBaudRateAsync(int baudRate, CancellationToken cancellationToken = default)
    {
        _emulator.HostBaudRate = baudRate;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _fromChip.Writer.TryComplete();
        _emulator.HostClosed(leftAtB0: true);
        return ValueTask.CompletedTask;
    }
}
