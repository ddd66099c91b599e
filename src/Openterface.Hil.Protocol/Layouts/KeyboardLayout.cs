using System.Globalization;

namespace Openterface.Hil.Protocol;

/// <summary>
/// The target's keyboard layout: turns text into key strokes (the CH9329 sends key positions, the target's layout
/// decides the character, reference §7.2). US, UK, DE (QWERTZ), FR (AZERTY), ES, IT, SV, JA (JIS) and US Dvorak
/// (Linux/xkb flavour) with Shift, AltGr and dead keys (accent key then space or the letter). '\n' is Enter, '\t' Tab.
/// </summary>
public sealed partial class KeyboardLayout
{
    private static readonly KeyStroke SpaceStroke = new(KeyModifiers.None, HidUsage.Space);
    private readonly Dictionary<char, KeyStroke[]> _strokes = [];

    private KeyboardLayout(string name, string description, LayoutTable table)
    {
        Name = name;
        Description = description;
        Table = table;
        table.Produces[SpaceStroke] = ' ';
        foreach (var (stroke, character) in table.Produces.OrderBy(p => p.Key.Modifiers))
        {
            _strokes.TryAdd(character, [stroke]);
        }

        foreach (var (dead, (accent, compose)) in table.DeadKeys)
        {
            _strokes[accent] = [dead, SpaceStroke];
            foreach (var (letter, composed) in compose)
            {
                if (!_strokes.ContainsKey(composed) && _strokes.TryGetValue(letter, out var baseStroke) && baseStroke.Length == 1)
                {
                    _strokes[composed] = [dead, baseStroke[0]];
                }
            }
        }

        _strokes['\n'] = [new KeyStroke(KeyModifiers.None, HidUsage.Enter)];
        _strokes['\t'] = [new KeyStroke(KeyModifiers.None, HidUsage.Tab)];
    }

    /// <summary>"us", "uk", "de", "fr", "es", "it", "sv", "ja", "dvorak".</summary>
    public string Name { get; }

    public string Description { get; }

    internal LayoutTable Table { get; }

    public static IReadOnlyList<KeyboardLayout> All => [Us, Uk, De, Fr, Es, It, Sv, Ja, Dvorak];

    /// <summary>Finds a layout by name (<see cref="All"/>; xkb's "gb", "se" and "jp" too), case-insensitive.</summary>
    public static KeyboardLayout FromName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var key = name.Trim().ToLowerInvariant() switch
        {
            "gb" => "uk",
            "se" => "sv",
            "jp" => "ja",
            var other => other,
        };
        return All.FirstOrDefault(l => l.Name == key)
            ?? throw new ArgumentException($"Unknown keyboard layout '{name}'. Known layouts: {string.Join(", ", All.Select(l => l.Name))}.", nameof(name));
    }

    public bool CanType(char character) => _strokes.ContainsKey(character);

    /// <summary>The strokes that type <paramref name="text"/>; throws naming the first untypeable character.</summary>
    public IReadOnlyList<KeyStroke> ToStrokes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var strokes = new List<KeyStroke>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                c = '\n';
            }

            if (!_strokes.TryGetValue(c, out var forChar))
            {
                var shown = char.IsControl(c) ? string.Empty : c.ToString();
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Character '{shown}' (U+{(int)c:X4}) at index {i} cannot be typed with keyboard layout '{Name}' ({Description}). ")
                    + "Use another layout with --layout, or send the key with a chord.",
                    nameof(text));
            }

            strokes.AddRange(forChar);
        }

        return strokes;
    }

    public override string ToString() => Name;
}
