using System.Globalization;

namespace Openterface.Hil;

/// <summary>
/// The HID keyboard. Chords: "enter", "ctrl+alt+delete", "shift+tab", "f2". Every action waits for the HID
/// readiness gate on first use, stamps a barrier, and releases all keys if it fails or is cancelled.
/// </summary>
public sealed class Keyboard
{
    private readonly SessionCore _core;

    internal Keyboard(SessionCore core)
    {
        _core = core;
    }

    public Task PressAsync(string chord, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chord);
        return _core.ActAsync($"Press '{chord}'", Chord(chord), $"Press '{chord}'", InputKind.Keyboard,
            ct => _core.Parts.Keyboard.PressAsync(chord, ct), cancellationToken);
    }

    /// <summary>Holds the chord down until <see cref="UpAsync"/>, <see cref="ReleaseAllAsync"/> or the session ends.</summary>
    public Task DownAsync(string chord, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chord);
        return _core.ActAsync($"Key down '{chord}'", Chord(chord), $"Key down '{chord}'", InputKind.Keyboard,
            ct => _core.Parts.Keyboard.DownAsync(chord, ct), cancellationToken);
    }

    public Task UpAsync(string chord, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chord);
        return _core.ActAsync($"Key up '{chord}'", Chord(chord), $"Key up '{chord}'", InputKind.Keyboard,
            ct => _core.Parts.Keyboard.UpAsync(chord, ct), cancellationToken);
    }

    public Task ReleaseAllAsync(CancellationToken cancellationToken = default) =>
        _core.ActAsync("Release all keys", new Dictionary<string, string>(), "Release all keys", InputKind.Other,
            ct => _core.Parts.Keyboard.ReleaseAllAsync(ct), cancellationToken);

    /// <summary>
    /// Types text with the session's layout. The text shows in steps; logs show it only with
    /// <see cref="HilOptions.SensitiveLogging"/>. With <see cref="TypeOptions.VerifyIn"/> the text is read back and corrected.
    /// </summary>
    public Task TypeAsync(string text, TypeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return options?.VerifyIn is null
            ? TypeRawAsync(text, secret: false, options, cancellationToken)
            : new ClosedLoopTyping(_core, this).RunAsync(text, secret: false, options, cancellationToken);
    }

    /// <summary>
    /// Types a secret. It is registered with <see cref="HilSession.Secrets"/> first and never appears in logs, steps
    /// or failure messages ("***" instead), whatever <see cref="HilOptions.SensitiveLogging"/> says.
    /// </summary>
    public Task TypeSecretAsync(string secret, TypeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secret);
        _core.Redactor.Register(secret);
        return options?.VerifyIn is null
            ? TypeRawAsync(secret, secret: true, options, cancellationToken)
            : new ClosedLoopTyping(_core, this).RunAsync(secret, secret: true, options, cancellationToken);
    }

    /// <summary>
    /// Presses <paramref name="key"/> until <paramref name="locator"/> is visible: checks once, then per press waits for
    /// frames captured after the press (and for the screen to react) and looks again. The failure lists every attempt.
    /// </summary>
    public Task<LocatorMatch> PressUntilAsync(
        string key,
        Locator locator,
        int maxPresses = 10,
        PressUntilOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(locator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPresses);
        return new PressUntil(_core, this, key, locator, maxPresses, options).RunAsync(cancellationToken);
    }

    internal Task TypeRawAsync(string text, bool secret, TypeOptions? options, CancellationToken cancellationToken)
    {
        var layout = options?.Layout ?? _core.Options.Layout;
        var step = secret ? "Type secret" : $"Type '{text}'";
        var logged = secret ? "Type secret" : _core.Options.SensitiveLogging ? $"Type '{text}'" : $"Type {Characters(text.Length)}";
        var parameters = new Dictionary<string, string> { ["text"] = secret ? SessionSecrets.Mask : text };
        if (layout is not null)
        {
            parameters["layout"] = layout;
        }

        return _core.ActAsync(step, parameters, logged, InputKind.Keyboard,
            ct => _core.Parts.Keyboard.TypeAsync(text, layout, secret, ct), cancellationToken);
    }

    internal static string Characters(int count) =>
        count == 1 ? "1 character" : string.Create(CultureInfo.InvariantCulture, $"{count} characters");

    private static Dictionary<string, string> Chord(string chord) => new() { ["chord"] = chord };
}
