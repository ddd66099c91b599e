namespace Openterface.Hil.Protocol;

/// <summary>
/// Modifiers plus up to six keys pressed together: "ctrl+alt+delete", "shift+f10", "win+r", "altgr+q", "enter".
/// Names are case-insensitive with aliases (esc/escape, del/delete, pgup/pageup, enter/return, win/gui/super/meta,
/// altgr/ralt...).
/// </summary>
public sealed record KeyChord
{
    public KeyChord(KeyModifiers modifiers, params HidUsage[] keys)
    {
        if (keys.Length > KeyboardReport.MaxKeys)
        {
            throw new ArgumentException($"A chord holds at most {KeyboardReport.MaxKeys} keys besides modifiers, got {keys.Length}.", nameof(keys));
        }

        Modifiers = modifiers;
        Keys = keys;
    }

    public KeyModifiers Modifiers { get; }

    public IReadOnlyList<HidUsage> Keys { get; }

    /// <summary>The report that holds this chord down.</summary>
    public KeyboardReport ToReport() => new(Modifiers, Keys.Select(k => (byte)k).ToArray());

    public static KeyChord Parse(string chord)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chord);
        var modifiers = KeyModifiers.None;
        var keys = new List<HidUsage>();
        foreach (var raw in chord.Trim().Split('+'))
        {
            var name = raw.Trim();
            if (name.Length == 0)
            {
                throw new ArgumentException($"Chord '{chord}' has an empty key name. Join names with '+', e.g. 'ctrl+alt+delete'.", nameof(chord));
            }

            if (KeyNames.TryGetModifier(name, out var modifier))
            {
                modifiers |= modifier;
            }
            else if (KeyNames.TryGetKey(name, out var usage))
            {
                if (!keys.Contains(usage))
                {
                    keys.Add(usage);
                }
            }
            else
            {
                var close = EditDistance.Closest(name, KeyNames.All);
                var hint = close.Count > 0 ? $" Did you mean {string.Join(", ", close.Select(c => $"'{c}'"))}?" : string.Empty;
                throw new ArgumentException($"Unknown key '{name}' in chord '{chord}'.{hint} Names are HID key names such as 'enter', 'f2', 'ctrl', 'a', 'pgup'.", nameof(chord));
            }
        }

        if (keys.Count > KeyboardReport.MaxKeys)
        {
            throw new ArgumentException($"Chord '{chord}' has {keys.Count} keys; the CH9329 holds at most {KeyboardReport.MaxKeys} besides modifiers.", nameof(chord));
        }

        return new KeyChord(modifiers, keys.ToArray());
    }

    public override string ToString()
    {
        var parts = new List<string>();
        (KeyModifiers Bit, string Name)[] names =
        [
            (KeyModifiers.LeftCtrl, "ctrl"), (KeyModifiers.RightCtrl, "rctrl"), (KeyModifiers.LeftShift, "shift"), (KeyModifiers.RightShift, "rshift"),
            (KeyModifiers.LeftAlt, "alt"), (KeyModifiers.RightAlt, "altgr"), (KeyModifiers.LeftGui, "win"), (KeyModifiers.RightGui, "rwin"),
        ];
        parts.AddRange(names.Where(n => Modifiers.HasFlag(n.Bit)).Select(n => n.Name));
        parts.AddRange(Keys.Select(KeyNames.NameOf));
        return string.Join('+', parts);
    }
}
