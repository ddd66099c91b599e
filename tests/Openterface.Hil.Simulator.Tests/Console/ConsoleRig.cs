namespace Openterface.Hil.Simulator.Tests.VirtualConsole;

/// <summary>A console target on a fake clock, with helpers that press keys the way the CH9329 emulator forwards them.</summary>
internal sealed class ConsoleRig : IAsyncDisposable
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";
    private const string Row = "1234567890";
    private const string ShiftedRow = "!@#$%^&*()";
    private const string Punctuation = " -=[]\\#;'`,./";
    private const string ShiftedPunctuation = " _+{}|~:\"~<>?";

    /// <summary>A rig with the given options; by default the cursor does not blink, so text checks need no timing.</summary>
    public ConsoleRig(ConsoleTargetOptions? options = null)
    {
        Target = new ConsoleTarget(options ?? new ConsoleTargetOptions { BlinkingCursor = false }, Time);
    }

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2021, 4, 13, 9, 30, 0, TimeSpan.Zero), TimeSpan.Zero);

    public ConsoleTarget Target { get; }

    /// <summary>The screen text without the empty rows at the bottom.</summary>
    public string Text => Target.ScreenText.TrimEnd('\n');

    public string Screen => Target.ScreenName;

    public static byte UsageOf(char c, out bool shift)
    {
        shift = char.IsUpper(c) || ShiftedRow.Contains(c, StringComparison.Ordinal) || (c != ' ' && ShiftedPunctuation.Contains(c, StringComparison.Ordinal));
        var lower = char.ToLowerInvariant(c);
        if (Letters.Contains(lower, StringComparison.Ordinal))
        {
            return (byte)(0x04 + Letters.IndexOf(lower, StringComparison.Ordinal));
        }

        if (Row.Contains(c, StringComparison.Ordinal) || ShiftedRow.Contains(c, StringComparison.Ordinal))
        {
            return (byte)(0x1E + Math.Max(Row.IndexOf(c, StringComparison.Ordinal), ShiftedRow.IndexOf(c, StringComparison.Ordinal)));
        }

        var index = shift ? ShiftedPunctuation.IndexOf(c, StringComparison.Ordinal) : Punctuation.IndexOf(c, StringComparison.Ordinal);
        return index >= 0 ? (byte)(0x2C + index) : throw new ArgumentException($"No key types '{c}'.", nameof(c));
    }

    /// <summary>Presses and releases one key with modifiers held (0x01 LCtrl, 0x02 LShift).</summary>
    public void PressWith(byte modifiers, byte usage)
    {
        Completed(Target.KeyboardStateAsync(modifiers, new[] { usage }));
        Completed(Target.KeyboardStateAsync(0, ReadOnlyMemory<byte>.Empty));
    }

    /// <summary>Presses and releases each key in turn.</summary>
    public void Press(params byte[] usages)
    {
        foreach (var usage in usages)
        {
            PressWith(0, usage);
        }
    }

    public void Type(string text)
    {
        foreach (var c in text)
        {
            var usage = UsageOf(c, out var shift);
            PressWith(shift ? (byte)0x02 : (byte)0, usage);
        }
    }

    public void TypeLine(string text)
    {
        Type(text);
        Press(Keys.Enter);
    }

    public void Advance(TimeSpan by) => Time.Advance(by);

    /// <summary>Lets the POST screen time out (boots the first device in boot order).</summary>
    public void FinishPost() => Advance(TimeSpan.FromSeconds(2));

    public void BootToShell()
    {
        FinishPost();
        TypeLine("root");
        TypeLine("hil");
    }

    public ValueTask DisposeAsync() => Target.DisposeAsync();

    /// <summary>The console target handles input synchronously, so its tasks are already complete.</summary>
    private static void Completed(ValueTask task) =>
        Assert.That(task.IsCompletedSuccessfully, Is.True, "keyboard state handled synchronously");
}

/// <summary>HID usages the tests press.</summary>
internal static class Keys
{
    public const byte Enter = 0x28;
    public const byte Escape = 0x29;
    public const byte Backspace = 0x2A;
    public const byte Minus = 0x2D;
    public const byte CapsLock = 0x39;
    public const byte F2 = 0x3B;
    public const byte F9 = 0x42;
    public const byte F10 = 0x43;
    public const byte F12 = 0x45;
    public const byte Delete = 0x4C;
    public const byte Right = 0x4F;
    public const byte Left = 0x50;
    public const byte Down = 0x51;
    public const byte Up = 0x52;
    public const byte NumLock = 0x53;
    public const byte KeypadMinus = 0x56;
    public const byte KeypadPlus = 0x57;
    public const byte C = 0x06;
}
