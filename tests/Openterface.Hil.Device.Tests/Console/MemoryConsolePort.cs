using System.Threading.Channels;

namespace Openterface.Hil.Device.Tests;

/// <summary>An in-memory console port: the test pushes target output, reads what was written, and can make it vanish.</summary>
internal sealed class MemoryConsolePort : ISerialPort
{
    private readonly Channel<byte[]> _incoming = Channel.CreateUnbounded<byte[]>();

    public string Path => "memory";

    public List<byte> Written { get; } = [];

    public void Push(string text) => _incoming.Writer.TryWrite(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>The cable is pulled: the pending read fails like a vanished tty.</summary>
    public void Vanish() => _incoming.Writer.TryComplete(new DeviceException("Serial port 'memory' vanished (hang-up).", isTransient: true));

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            var chunk = await _incoming.Reader.ReadAsync(cancellationToken);
            chunk.CopyTo(buffer);
            return chunk.Length;
        }
        catch (ChannelClosedException e)
        {
            throw (DeviceException)e.InnerException!;
        }
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        lock (Written)
        {
            Written.AddRange(data.ToArray());
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask SetControlLinesAsync(bool dtr, bool rts, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
