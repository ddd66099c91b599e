using Microsoft.Extensions.Logging;

namespace Openterface.Hil.Device;

/// <summary>Opens a serial URI: tcp://host:port (raw TCP) or a tty path (/dev/ttyUSB0, /dev/ttyACM0, /dev/pts/N).</summary>
internal static class SerialPortFactory
{
    internal static async Task<ISerialPort> OpenAsync(string uri, int baudRate, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        if (uri.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase))
        {
            return await TcpSerialPort.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
        }

        if (uri.Contains("://", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Serial URI '{uri}' is not supported. Use 'auto', a device path such as '/dev/ttyUSB0', or 'tcp://host:port'.", nameof(uri));
        }

        return TermiosSerialPort.Open(uri, baudRate, logger);
    }
}
