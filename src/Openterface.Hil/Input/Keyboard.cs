using Openterface.Hil.Protocol;
using System.Globalization;

namespace Openterface.Hil;

/// <summary>
/// The HID keyboard. Chords: "enter", "ctrl+alt+delete", "shift+tab", "f2". Every action waits for the HID
/// readiness gate on first use, stamps a barrier, and releases all keys if it fails or is cancelled.
/// </summary>
public sealed class Keyboard
{
    private readonly RigActions _actions;
    private readonly SessionContext _session;
    private readonly IKeyboardPort _port;

    internal Keyboard(RigActions actions, IKeyboardPort port)
    {
        _actions = actions;
        _session = actions.Session;
        _port = port;
    }

    /// <summary>Presses and releases a chord; an unknown key name is an <see cref="ArgumentException"/> naming close names, before anything is sent.</summary>
    public Task PressAsync(string chord, CancellationToken cancellationToken = default) => KeyAsync(chord, KeyAction.Press, "Press", cancellationToken);

    /// <summary>Holds the chord down until <see cref="UpAsync"/>, <see cref="ReleaseAllAsync"/> or the session ends.</summary>
    public Task DownAsync(string chord, CancellationToken cancellationToken = default) => KeyAsync(chord, KeyAction.Down, "Key down", cancellationToken);

    public Task UpAsync(string chord, CancellationToken cancellationToken = default) => KeyAsync(chord, KeyAction.Up, "Key up", cancellationToken);

    /// <summary>
    /// Presses and releases a media key: "volume-up", "volume-down", "mute", "play-pause", "next-track", "www-home"...
    /// (<see cref="MediaKeyNames.All"/>). An unknown name is an <see cref="ArgumentException"/> naming close names,
    /// before anything is sent.
    /// </summary>
    public Task PressMediaAsync(string key, CancellationToken cancellationToken = default)
    {
        var media = MediaKeyNames.Parse(key);
        var name = MediaKeyNames.NameOf(media);
        return _actions.ActAsync($"Press media key '{name}'", new Dictionary<string, string> { ["key"] = name }, $"Press media key '{name}'",
            InputKind.Keyboard, ct => _port.MediaAsync(media, ct), cancellationToken);
    }

    public Task ReleaseAllAsync(CancellationToken cancellationToken = default) =>
        _actions.ActAsync("Release all keys", new Dictionary<string, string>(), "Release all keys", InputKind.Other,
            ct => _port.ReleaseAllAsync(ct), cancellationToken);

    /// <summary>
    /// Types text with the session's layout. The text shows in steps; logs show it only with
    /// <see cref="HilOptions.SensitiveLogging"/>. With <see cref="TypeOptions.VerifyIn"/> the text is read back and corrected.
    /// </summary>
    public Task TypeAsync(string text, TypeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return options?.VerifyIn is null
            ? TypeRawAsync(text, secret: false, options, cancellationToken)
            : new ClosedLoopTyping(_actions.Screen, this).RunAsync(text, secret: false, options, cancellationToken);
    }

    /// <summary>
    /// Types a secret. It is registered with <see cref="HilSession.Secrets"/> first and never appears in logs, steps
    /// or failure messages ("***" instead), whatever <see cref="HilOptions.SensitiveLogging"/> says.
    /// </summary>
    public Task TypeSecretAsync(string secret, TypeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secret);
        _session.Redactor.Register(secret);
        return options?.VerifyIn is null
            ? TypeRawAsync(secret, secret: true, options, cancellationToken)
            : new ClosedLoopTyping(_actions.Screen, this).RunAsync(secret, secret: true, options, cancellationToken);
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
        KeyChord.Parse(key);
        return new PressUntil(_actions.Screen, this, key, locator, maxPresses, options).RunAsync(cancellationToken);
    }

    internal Task TypeRawAsync(string text, bool secret, TypeOptions? options, CancellationToken cancellationToken)
    {
        var layout = options?.Layout ?? _session.Options.Layout;
        var keyboardLayout = layout is null ? null : KeyboardLayout.FromName(layout);
        var step = secret ? "Type secret" : $"Type '{text}'";
        var logged = secret ? "Type secret" : _session.Options.SensitiveLogging ? $"Type '{text}'" : $"Type {Characters(text.Length)}";
        var parameters = new Dictionary<string, string> { ["text"] = secret ? SessionSecrets.Mask : text };
        if (layout is not null)
        {
            parameters["layout"] = layout;
        }

        return _actions.ActAsync(step, parameters, logged, InputKind.Keyboard,
            ct => secret ? TypeSecretCharactersAsync(text, keyboardLayout, ct) : _port.TypeAsync(text, keyboardLayout, secret, ct),
            cancellationToken, secret);
    }

    /// <summary>Types a secret; a character the layout cannot type is reported without naming it (or its index).</summary>
    private async Task TypeSecretCharactersAsync(string secret, KeyboardLayout? layout, CancellationToken cancellationToken)
    {
        try
        {
            await _port.TypeAsync(secret, layout, secret: true, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            // The layout's message names the character: drop it (and the inner exception) for a secret.
            throw new ArgumentException(
                $"The secret contains a character that keyboard layout '{layout?.Name ?? "default"}' cannot type (not shown: it is " +
                "part of a secret). Type the secret with a layout that has the character (TypeOptions.Layout), or change the secret.",
                nameof(secret));
        }
    }

    internal static string Characters(int count) =>
        count == 1 ? "1 character" : string.Create(CultureInfo.InvariantCulture, $"{count} characters");

    private Task KeyAsync(string chord, KeyAction action, string verb, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chord);
        KeyChord.Parse(chord);
        return _actions.ActAsync($"{verb} '{chord}'", new Dictionary<string, string> { ["chord"] = chord }, $"{verb} '{chord}'", InputKind.Keyboard,
            ct => _port.KeyAsync(chord, action, ct), cancellationToken);
    }
}
