namespace Openterface.Hil;

/// <summary>Options for typing text. Null properties inherit.</summary>
public sealed record TypeOptions
{
    /// <summary>
    /// Closed-loop typing: after typing, read this locator back by OCR; if it differs, press backspace over the
    /// differing tail and retype it, up to <see cref="MaxCorrections"/> times.
    /// </summary>
    public Locator? VerifyIn { get; init; }

    /// <summary>How many corrections closed-loop typing may make (built-in: 3).</summary>
    public int? MaxCorrections { get; init; }

    /// <summary>How long each read-back waits for the text to appear (built-in: <see cref="TimeoutSettings.Verify"/>, 5s).</summary>
    public TimeSpan? VerifyTimeout { get; init; }

    /// <summary>Keyboard layout for this call ("us", "uk", "de", "fr", "es", "it", "sv", "ja", "dvorak"); null = <see cref="HilOptions.Layout"/>.</summary>
    public string? Layout { get; init; }
}

/// <summary>Options for <see cref="Keyboard.PressUntilAsync"/>. Null properties inherit.</summary>
public sealed record PressUntilOptions
{
    /// <summary>How long to look for the locator after each press (built-in: <see cref="TimeoutSettings.PressUntilStep"/>, 2s).</summary>
    public TimeSpan? WaitAfterPress { get; init; }

    /// <summary>Threshold, consecutive matches, scope for the check after each press (its Timeout is ignored).</summary>
    public ExpectOptions? Expect { get; init; }
}
