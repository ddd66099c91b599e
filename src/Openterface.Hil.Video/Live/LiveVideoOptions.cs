using Microsoft.Extensions.Logging;

namespace Openterface.Hil.Video;

/// <summary>How <see cref="LiveVideo"/> runs. Every property has a working default.</summary>
public sealed class LiveVideoOptions
{
    /// <summary>Clock for health timing and waits (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>How much video the ring keeps for failure-window videos.</summary>
    public TimeSpan RingLength { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Upper bound of the ring's memory; the oldest frames go first when it is reached.</summary>
    public long RingMaxBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>JPEG quality for ring frames from sources that do not send JPEG (QEMU display, PNG replay).</summary>
    public int RingJpegQuality { get; init; } = 80;

    public SignalHealthOptions Health { get; init; } = new();

    /// <summary>Longest pause between attempts to read from a failed source.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(2);
}
