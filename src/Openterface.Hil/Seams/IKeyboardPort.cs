namespace Openterface.Hil;

/// <summary>
/// Seam over the Mini-KVM's HID keyboard (adapter: Openterface.Hil.Device.HidKeyboard). Chords use the
/// "ctrl+alt+delete" syntax; an unknown key raises <see cref="ArgumentException"/> naming close matches.
/// Any other exception is treated as a rig (link) fault.
/// </summary>
internal interface IKeyboardPort
{
    Task PressAsync(string chord, CancellationToken cancellationToken);

    Task DownAsync(string chord, CancellationToken cancellationToken);

    Task UpAsync(string chord, CancellationToken cancellationToken);

    /// <summary>Types text with a named layout ("us", "uk", "de", "fr"; null = the device default).</summary>
    Task TypeAsync(string text, string? layout, bool secret, CancellationToken cancellationToken);

    /// <summary>Releases every key (sends an empty report). Must be safe to call at any time.</summary>
    Task ReleaseAllAsync(CancellationToken cancellationToken);
}
