using System.Globalization;

namespace Openterface.Hil.Device;

/// <summary>
/// Where the target's serial console is: a tty (`/dev/ttyUSB1`, `/dev/pts/N`, optionally `?baud=N`, 115200 8N1 by
/// default) or raw TCP (`tcp://host:port`, ser2net or the simulator). `sim` names the simulator's target UART and is
/// resolved by the virtual rig before it gets here.
/// </summary>
internal sealed record ConsoleEndpoint(string Uri, string Path, int BaudRate, bool IsTcp)
{
    public const int DefaultBaudRate = 115200;

    public static ConsoleEndpoint Parse(string uri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        uri = uri.Trim();
        if (string.Equals(uri, "sim", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                "Console 'sim' is the simulator's target UART: use it with a virtual rig (target 'sim:qemu' or 'sim:console'), " +
                "or pass the console URI that 'hil sim' prints.",
                nameof(uri));
        }

        if (uri.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase))
        {
            return new ConsoleEndpoint(uri, uri, DefaultBaudRate, IsTcp: true);
        }

        if (uri.Contains("://", StringComparison.Ordinal) || !uri.StartsWith('/'))
        {
            throw new ArgumentException(
                $"Console URI '{uri}' is not supported. Use a tty path such as '/dev/ttyUSB1?baud=115200' or 'tcp://host:port' (ser2net raw).",
                nameof(uri));
        }

        var query = uri.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return new ConsoleEndpoint(uri, uri, DefaultBaudRate, IsTcp: false);
        }

        var path = uri[..query];
        var baud = DefaultBaudRate;
        foreach (var part in uri[(query + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2 || !string.Equals(pair[0], "baud", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Console URI '{uri}': unknown option '{part}'. The only option is '?baud=N' (e.g. 115200).", nameof(uri));
            }

            if (!int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out baud) || !IsStandardBaud(baud))
            {
                throw new ArgumentException($"Console URI '{uri}': '{pair[1]}' is not a standard baud rate. Use e.g. 9600 or 115200.", nameof(uri));
            }
        }

        return new ConsoleEndpoint(uri, path, baud, IsTcp: false);
    }

    /// <summary>Opens the port behind this endpoint (termios raw 8N1, or a TCP socket); the serial code is shared with the CH9329 link.</summary>
    public Task<ISerialPort> OpenAsync(Microsoft.Extensions.Logging.ILogger logger, CancellationToken cancellationToken) =>
        SerialPortFactory.OpenAsync(Path, BaudRate, logger, cancellationToken);

    private static bool IsStandardBaud(int baud)
    {
        try
        {
            LinuxNative.SpeedConstant(baud);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
