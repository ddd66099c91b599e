using Microsoft.Extensions.Logging;

namespace Openterface.Hil.Device;

/// <summary>What the link needs from <see cref="MiniKvmOptions"/> (kept separate so the link is testable alone).</summary>
internal sealed record LinkOptions
{
    public required TimeProvider TimeProvider { get; init; }

    public required ILoggerFactory LoggerFactory { get; init; }

    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The control chip (from the serial port's USB id): decides configuration, resets and the modem-line policy.</summary>
    public ControlChip Chip { get; init; }

    /// <summary>Wait after opening before the first GET_INFO (vendor app: 50 ms CH9329, 100 ms CH32V208).</summary>
    public TimeSpan SettleAfterOpen { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Baud rates to probe, in order (115200 then 9600 unless one is configured).</summary>
    public IReadOnlyList<int> BaudRates { get; init; } = [115200, 9600];

    public int MaxRetries { get; init; } = 3;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>GET_INFO after this much silence; zero disables the heartbeat.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(3);

    public TimeSpan ReconnectInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Consecutive timeouts that open the circuit breaker.</summary>
    public int BreakAfterTimeouts { get; init; } = 8;

    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(2);

    public int TranscriptLines { get; init; } = 400;

    /// <summary>Finds the port again after it vanished (same URI by default; rediscovery for "auto").</summary>
    public Func<CancellationToken, ValueTask<string>>? Resolve { get; init; }

    /// <summary>Opens a port (URI, baud); tests replace it.</summary>
    public Func<string, int, CancellationToken, Task<ISerialPort>>? OpenPort { get; init; }
}
