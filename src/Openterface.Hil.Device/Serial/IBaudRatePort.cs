namespace Openterface.Hil.Device;

/// <summary>A port whose line speed can change on the open descriptor (termios tcsetattr), so no reopen (and no DTR glitch) is needed.</summary>
internal interface IBaudRatePort
{
    ValueTask SetBaudRateAsync(int baudRate, CancellationToken cancellationToken = default);
}
