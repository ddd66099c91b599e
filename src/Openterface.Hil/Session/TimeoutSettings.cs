namespace Openterface.Hil;

/// <summary>
/// Timeouts by kind. A null value inherits: per call, then the session (<see cref="HilOptions.Timeouts"/>), then
/// <see cref="Global"/>, then the built-in value. Inherited values are scaled by the session's calibrated
/// <see cref="HilSession.TimeoutFactor"/>; a value given on the call itself is used as is.
/// </summary>
public sealed record TimeoutSettings
{
    /// <summary>Built-in values: Expect 30s, HidReady 10s, Verify 5s, PressUntilStep 2s.</summary>
    public static readonly TimeoutSettings BuiltIn = new()
    {
        Expect = TimeSpan.FromSeconds(30),
        HidReady = TimeSpan.FromSeconds(10),
        Verify = TimeSpan.FromSeconds(5),
        PressUntilStep = TimeSpan.FromSeconds(2),
    };

    private static TimeoutSettings s_global = new();

    /// <summary>Process-wide defaults (e.g. set once from hil.json); unset values use <see cref="BuiltIn"/>.</summary>
    public static TimeoutSettings Global
    {
        get => Volatile.Read(ref s_global);
        set => Volatile.Write(ref s_global, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>How long an expectation or a locator wait keeps looking.</summary>
    public TimeSpan? Expect { get; init; }

    /// <summary>How long the first keystroke waits for the target to enumerate the HID device.</summary>
    public TimeSpan? HidReady { get; init; }

    /// <summary>How long closed-loop typing waits for the typed text to read back correctly, per attempt.</summary>
    public TimeSpan? Verify { get; init; }

    /// <summary>How long PressUntilAsync looks for the locator after each press.</summary>
    public TimeSpan? PressUntilStep { get; init; }
}
