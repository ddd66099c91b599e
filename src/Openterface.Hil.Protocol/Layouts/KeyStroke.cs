namespace Openterface.Hil.Protocol;

/// <summary>One key press with the modifiers held for it (e.g. LeftShift + D1 for '!' on US).</summary>
public readonly record struct KeyStroke(KeyModifiers Modifiers, HidUsage Usage)
{
    public KeyboardReport ToReport() => new(Modifiers, [(byte)Usage]);
}
