namespace Openterface.Hil.Simulator;

/// <summary>
/// A virtual target's serial console (its UART, ttyS0 on the QEMU target): what it prints and what it receives.
/// <see cref="UartServer"/> exposes it to a harness as a pseudo-terminal or raw TCP, like a USB-UART or ser2net.
/// </summary>
public interface ITargetUart
{
    /// <summary>Raised with each chunk the target prints (a fresh array per call; handlers must return quickly).</summary>
    event EventHandler<ReadOnlyMemory<byte>>? UartOutput;

    /// <summary>Bytes into the target's UART receiver (a target without a console input ignores them).</summary>
    ValueTask WriteUartAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);
}
