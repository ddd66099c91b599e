namespace Openterface.Hil.Protocol;

/// <summary>Builds a layout's character tables from key rows: what each position types plain, with Shift, with AltGr.</summary>
internal sealed class LayoutTable
{
    internal const char Nothing = ' ';

    internal static readonly HidUsage[] Row1 =
    [
        HidUsage.Grave, HidUsage.D1, HidUsage.D2, HidUsage.D3, HidUsage.D4, HidUsage.D5, HidUsage.D6, HidUsage.D7,
        HidUsage.D8, HidUsage.D9, HidUsage.D0, HidUsage.Minus, HidUsage.Equal,
    ];

    internal static readonly HidUsage[] Row2 =
    [
        HidUsage.Q, HidUsage.W, HidUsage.E, HidUsage.R, HidUsage.T, HidUsage.Y, HidUsage.U, HidUsage.I, HidUsage.O,
        HidUsage.P, HidUsage.LeftBracket, HidUsage.RightBracket, HidUsage.Backslash,
    ];

    internal static readonly HidUsage[] Row3 =
    [
        HidUsage.A, HidUsage.S, HidUsage.D, HidUsage.F, HidUsage.G, HidUsage.H, HidUsage.J, HidUsage.K, HidUsage.L,
        HidUsage.Semicolon, HidUsage.Quote, HidUsage.NonUsHash,
    ];

    internal static readonly HidUsage[] Row4 =
    [
        HidUsage.NonUsBackslash, HidUsage.Z, HidUsage.X, HidUsage.C, HidUsage.V, HidUsage.B, HidUsage.N, HidUsage.M,
        HidUsage.Comma, HidUsage.Period, HidUsage.Slash,
    ];

    /// <summary>What each stroke types (dead keys excluded).</summary>
    internal Dictionary<KeyStroke, char> Produces { get; } = [];

    /// <summary>Dead key strokes: the accent they stand for and accent + letter compositions.</summary>
    internal Dictionary<KeyStroke, (char Accent, Dictionary<char, char> Compose)> DeadKeys { get; } = [];

    internal LayoutTable Row(HidUsage[] positions, string plain, string shift, string altGr = "")
    {
        Add(positions, plain, KeyModifiers.None);
        Add(positions, shift, KeyModifiers.LeftShift);
        Add(positions, altGr, KeyModifiers.RightAlt);
        return this;
    }

    /// <summary>Declares a dead key; <paramref name="pairs"/> is "aâeê..." (base, composed).</summary>
    internal LayoutTable Dead(KeyModifiers modifiers, HidUsage usage, char accent, string pairs)
    {
        var compose = new Dictionary<char, char>();
        for (var i = 0; i + 1 < pairs.Length; i += 2)
        {
            compose[pairs[i]] = pairs[i + 1];
        }

        var stroke = new KeyStroke(modifiers, usage);
        Produces.Remove(stroke);
        DeadKeys[stroke] = (accent, compose);
        return this;
    }

    private void Add(HidUsage[] positions, string characters, KeyModifiers modifiers)
    {
        for (var i = 0; i < Math.Min(positions.Length, characters.Length); i++)
        {
            if (characters[i] != Nothing)
            {
                Produces[new KeyStroke(modifiers, positions[i])] = characters[i];
            }
        }
    }
}
