using System.Text;

namespace Openterface.Hil.Simulator;

/// <summary>
/// The console target's UART: the firmware prints a POST log (with settings read back from NVRAM) at every power-on
/// and reset, whatever caused it (power button, setup's save, Ctrl+Alt+Del, the flasher). Input is ignored.
/// </summary>
public sealed partial class ConsoleTarget : ITargetUart
{
    public event EventHandler<ReadOnlyMemory<byte>>? UartOutput;

    /// <summary>The firmware has no console input: bytes are accepted and ignored.</summary>
    public ValueTask WriteUartAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.CompletedTask;
    }

    /// <summary>Sends what the machine printed (outside the lock, after each state change).</summary>
    private void FlushUart()
    {
        string text;
        lock (_gate)
        {
            if (_machine.UartOut.Length == 0)
            {
                return;
            }

            text = _machine.UartOut.ToString();
            _machine.UartOut.Clear();
        }

        UartOutput?.Invoke(this, Encoding.UTF8.GetBytes(text));
    }
}
