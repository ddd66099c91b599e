namespace Openterface.Hil.Simulator;

/// <summary>What a US keyboard types for a HID usage (the console target's OS uses the US layout).</summary>
internal static class UsKeyboard
{
    private const string Digits = "1234567890";
    private const string ShiftedDigits = "!@#$%^&*()";

    // Usages 0x2C..0x38: space - = [ ] \ (non-US #) ; ' ` , . /
    private const string Punctuation = " -=[]\\#;'`,./";
    private const string ShiftedPunctuation = " _+{}|~:\"~<>?";

    public static char? ToCharacter(byte usage, bool shift, bool capsLock, bool numLock)
    {
        if (usage is >= HidKeys.A and <= HidKeys.Z)
        {
            var letter = (char)('a' + (usage - HidKeys.A));
            return shift ^ capsLock ? char.ToUpperInvariant(letter) : letter;
        }

        if (usage is >= 0x1E and <= 0x27)
        {
            return (shift ? ShiftedDigits : Digits)[usage - 0x1E];
        }

        if (usage is >= HidKeys.Space and <= 0x38)
        {
            return (shift ? ShiftedPunctuation : Punctuation)[usage - HidKeys.Space];
        }

        return usage switch
        {
            0x54 => '/',
            0x55 => '*',
            HidKeys.KeypadMinus => '-',
            HidKeys.KeypadPlus => '+',
            >= 0x59 and <= 0x62 when numLock => Digits[usage - 0x59],
            0x63 when numLock => '.',
            _ => null,
        };
    }
}
