namespace Openterface.Hil.Simulator.Tests.Qemu;

/// <summary>
/// Test helper: text to full keyboard states on a US layout, the way the CH9329 emulator hands them to a target
/// (press report with modifiers, then an all-released report).
/// </summary>
internal static class UsKeyboard
{
    public const byte Enter = 0x28;
    public const byte Escape = 0x29;
    public const byte Down = 0x51;
    public const byte Up = 0x52;
    private const byte LeftShift = 0x02;
    private const string Unshifted = "1234567890\n\u001b\b\t -=[]\\#;'`,./";
    private const string Shifted = "!@#$%^&*()\0\0\0\0\0_+{}|\0:\"~<>?";

    public static IEnumerable<(byte Modifiers, byte[] Usages)> States(string text)
    {
        foreach (var c in text)
        {
            var (modifiers, usage) = Key(c);
            yield return (modifiers, [usage]);
            yield return (0, []);
        }
    }

    public static async Task TypeAsync(IVirtualTarget target, string text)
    {
        foreach (var (modifiers, usages) in States(text))
        {
            await target.KeyboardStateAsync(modifiers, usages);
        }
    }

    public static async Task PressAsync(IVirtualTarget target, byte usage, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            await target.KeyboardStateAsync(0, new[] { usage });
            await target.KeyboardStateAsync(0, ReadOnlyMemory<byte>.Empty);
        }
    }

    private static (byte Modifiers, byte Usage) Key(char c)
    {
        if (c is >= 'a' and <= 'z')
        {
            return (0, (byte)(0x04 + (c - 'a')));
        }

        if (c is >= 'A' and <= 'Z')
        {
            return (LeftShift, (byte)(0x04 + (c - 'A')));
        }

        // Usages 0x1E.. in order: 1-9, 0, Enter, Esc, Backspace, Tab, Space, - = [ ] \ #(non-US) ; ' ` , . /
        var index = Unshifted.IndexOf(c, StringComparison.Ordinal);
        if (index >= 0 && c != '#')
        {
            return (0, (byte)(0x1E + index));
        }

        index = Shifted.IndexOf(c, StringComparison.Ordinal);
        if (index >= 0 && c != '\0')
        {
            return (LeftShift, (byte)(0x1E + index));
        }

        throw new ArgumentException($"'{c}' has no key on the US layout in this helper.", nameof(c));
    }
}
