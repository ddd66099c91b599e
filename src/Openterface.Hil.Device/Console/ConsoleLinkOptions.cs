using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Openterface.Hil.Device;

/// <summary>How a <see cref="ConsoleLink"/> behaves; the reconnect rule is the CH9329 link's (retry every interval, same URI).</summary>
internal sealed record ConsoleLinkOptions
{
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Time between reopen attempts after the console vanished (the CH9329 link's default).</summary>
    public TimeSpan ReconnectInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Opens a port for an endpoint; tests replace it.</summary>
    public Func<ConsoleEndpoint, CancellationToken, Task<ISerialPort>>? OpenPort { get; init; }
}
