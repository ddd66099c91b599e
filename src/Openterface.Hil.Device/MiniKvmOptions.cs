using Microsoft.Extensions.Logging;

namespace Openterface.Hil.Device;

/// <summary>How <see cref="MiniKvm.ConnectAsync"/> talks to the device. Null means the default.</summary>
public sealed class MiniKvmOptions
{
    public TimeProvider? TimeProvider { get; set; }

    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Key and mouse pacing; default <see cref="KeyPacing.Default"/> (BIOS-safe).</summary>
    public KeyPacing? Pacing { get; set; }

    /// <summary>Try this baud first; default probes 115200 then 9600.</summary>
    public int? BaudRate { get; set; }

    /// <summary>How long to wait for the chip's reply (WCH: 500 ms).</summary>
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Retries after a transient fault (timeout, E1/E2/E4, garbage).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>GET_INFO after this much idle time; <see cref="TimeSpan.Zero"/> turns the heartbeat off.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often to look for a vanished port.</summary>
    public TimeSpan ReconnectInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Consecutive unanswered requests that open the circuit breaker ("chip silent").</summary>
    public int BreakAfterTimeouts { get; set; } = 8;

    /// <summary>Finds the port again after it vanished (e.g. a new /dev/ttyUSBn); default: same URI, or rediscovery for "auto".</summary>
    public Func<CancellationToken, ValueTask<string>>? SerialUriResolver { get; set; }

    /// <summary>Keyboard layout of the target; default US.</summary>
    public Protocol.KeyboardLayout? Layout { get; set; }

    /// <summary>MS2109 hidraw node for the gen1 USB switch (default: found next to the serial port in sysfs).</summary>
    public string? HidrawPath { get; set; }

    /// <summary>sysfs root for discovery (tests point it at a fake tree).</summary>
    public string SysfsRoot { get; set; } = "/sys";

    /// <summary>Where device nodes live for discovery (tests point it at a folder of links).</summary>
    public string DevRoot { get; set; } = "/dev";

    /// <summary>
    /// The control chip when the serial port's USB id cannot be read (a TCP link to a remote rig); default: from sysfs,
    /// or <c>?chip=ch9329|ch32v208</c> on the URI.
    /// </summary>
    public ControlChip? Chip { get; set; }

    /// <summary>Wait after opening before the first GET_INFO; default 50 ms (CH9329) or 100 ms (CH32V208), as the vendor app.</summary>
    public TimeSpan? SettleAfterOpen { get; set; }

    /// <summary>Opens the MS2109 HID node (path may be null); tests put a fake register file here.</summary>
    internal Func<string?, IHidFeatureDevice?>? OpenHid { get; set; }

    /// <summary>Opens a port (URI, baud); tests put an in-memory emulator here.</summary>
    internal Func<string, int, CancellationToken, Task<ISerialPort>>? OpenPort { get; set; }
}
