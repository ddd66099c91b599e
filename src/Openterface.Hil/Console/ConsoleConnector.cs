using Openterface.Hil.Device;

namespace Openterface.Hil;

/// <summary>Opens the console a session uses: <see cref="HilOptions.Console"/>, or "sim" / nothing on a virtual rig = its UART.</summary>
internal static class ConsoleConnector
{
    public static async Task<ConsoleLink?> OpenAsync(HilOptions options, string? virtualRigConsole, CancellationToken cancellationToken)
    {
        var uri = options.Console;
        if (uri is null || string.Equals(uri, "sim", StringComparison.OrdinalIgnoreCase))
        {
            if (uri is not null && virtualRigConsole is null)
            {
                throw new ArgumentException(
                    "Console 'sim' is the simulator's target UART, but this session has no virtual rig. Use Target 'sim:qemu' " +
                    "or 'sim:console', or set Console to a tty ('/dev/ttyUSB1?baud=115200') or 'tcp://host:port'.",
                    nameof(options));
            }

            uri = virtualRigConsole;
        }

        if (uri is null)
        {
            return null;
        }

        var linkOptions = new ConsoleLinkOptions
        {
            TimeProvider = options.TimeProvider,
            LoggerFactory = options.LoggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
        };
        return await ConsoleLink.OpenAsync(uri, linkOptions, cancellationToken).ConfigureAwait(false);
    }
}
