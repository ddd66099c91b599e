namespace Openterface.Hil.Simulator;

/// <summary>One key-down transition seen by the console target, with the modifiers and lock state at that moment.</summary>
internal readonly record struct KeyPress(byte Usage, byte Modifiers, bool CapsLock, bool NumLock)
{
    public bool Shift => (Modifiers & (HidKeys.LeftShift | HidKeys.RightShift)) != 0;

    public bool Ctrl => (Modifiers & (HidKeys.LeftCtrl | HidKeys.RightCtrl)) != 0;

    public bool IsEnter => Usage is HidKeys.Enter or HidKeys.KeypadEnter;

    /// <summary>"+" on the keypad or shift+'=' (a BIOS "increase value" key).</summary>
    public bool IsPlus => Usage == HidKeys.KeypadPlus || (Usage == HidKeys.Equal && Shift);

    /// <summary>"-" on the keypad or the main row (a BIOS "decrease value" key).</summary>
    public bool IsMinus => Usage is HidKeys.KeypadMinus or HidKeys.Minus;

    /// <summary>The character this key types on a US layout, or null for keys that type nothing.</summary>
    public char? Character => UsKeyboard.ToCharacter(Usage, Shift, CapsLock, NumLock);
}
