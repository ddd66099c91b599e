using System.Text;

namespace Openterface.Hil.Simulator;

/// <summary>The console target's UART: a POST log at every power-on and reset; input is accepted and ignored.</summary>
public sealed partial class ConsoleTarget : ITargetUart
{
    public event EventHandler<ReadOnlyMemory<byte>>? UartOutput;

    /// <summary>The firmware has no console input: bytes are accepted and ignored.</summary>
    public ValueTask WriteUartAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.CompletedTask;
    }

    private void PrintOnUart(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            UartOutput?.Invoke(this, Encoding.UTF8.GetBytes(text));
        }
    }
}
