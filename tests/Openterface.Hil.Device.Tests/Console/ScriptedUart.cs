using Openterface.Hil.Simulator;

namespace Openterface.Hil.Device.Tests;

/// <summary>A target UART the test drives: <see cref="Print"/> is what the target sends, <see cref="Received"/> what it got.</summary>
internal sealed class ScriptedUart : ITargetUart
{
    public event EventHandler<ReadOnlyMemory<byte>>? UartOutput;

    public List<byte> Received { get; } = [];

    public int ReceivedCount
    {
        get
        {
            lock (Received)
            {
                return Received.Count;
            }
        }
    }

    /// <summary>Prints <paramref name="data"/> in chunks of <paramref name="chunk"/> bytes.</summary>
    public void Print(byte[] data, int chunk = 997)
    {
        for (var offset = 0; offset < data.Length; offset += chunk)
        {
            UartOutput?.Invoke(this, data.AsMemory(offset, Math.Min(chunk, data.Length - offset)).ToArray());
        }
    }

    public ValueTask WriteUartAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        lock (Received)
        {
            Received.AddRange(data.ToArray());
        }

        return ValueTask.CompletedTask;
    }
}
