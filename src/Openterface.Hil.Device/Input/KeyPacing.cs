namespace Openterface.Hil.Device;

/// <summary>
/// Delays between HID reports. The default (30 ms hold, 30 ms gap, about 16 characters per second) is the Openterface
/// macOS app's paste pacing and is safe for BIOS/UEFI setup screens: boot-protocol keyboards are polled every 8-10 ms,
/// so a 30 ms hold spans three polls, while 4 ms gaps were measured to lose characters on a CH32V208 unit and 8-12 ms
/// worked (reference §4.3). Use <see cref="Fast"/> for an OS with a full USB stack, <see cref="None"/> for the emulator.
/// </summary>
public sealed record KeyPacing
{
    /// <summary>How long a key (or button) stays down.</summary>
    public TimeSpan Hold { get; init; } = TimeSpan.FromMilliseconds(30);

    /// <summary>Pause after a release, before the next press.</summary>
    public TimeSpan Gap { get; init; } = TimeSpan.FromMilliseconds(30);

    /// <summary>Pause between consecutive mouse reports (moves split into steps, wheel ticks).</summary>
    public TimeSpan MouseGap { get; init; } = TimeSpan.FromMilliseconds(16);

    /// <summary>
    /// Keyboard reports sent before the oldest ACK arrives while typing (ACKs matched in order; a fault resends the
    /// full current key state, never an old report). 1 is stop-and-wait: each report waits for its ACK. The paced
    /// modes keep 1; <see cref="None"/> (wire speed) uses 8: on a loaded 2-core machine 4 reports (4.9 ms of wire at
    /// 115200) left the line idle during scheduling gaps (72-77 % of the one-way TX limit) where 8 reached 96 %.
    /// </summary>
    public int Window
    {
        get => _window;
        init => _window = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Window), value, "The keyboard window must be 1 (stop-and-wait) or more.");
    }

    private readonly int _window = 1;

    public static KeyPacing Default { get; } = new();

    /// <summary>12 ms hold + 12 ms gap: measured reliable on a running OS (reference §4.3, SKILL).</summary>
    public static KeyPacing Fast { get; } = new() { Hold = TimeSpan.FromMilliseconds(12), Gap = TimeSpan.FromMilliseconds(12), MouseGap = TimeSpan.FromMilliseconds(8) };

    /// <summary>No delays, keyboard reports pipelined 8 deep (wire speed). For emulators, benchmarks and OSes that keep up.</summary>
    public static KeyPacing None { get; } = new() { Hold = TimeSpan.Zero, Gap = TimeSpan.Zero, MouseGap = TimeSpan.Zero, Window = 8 };
}
