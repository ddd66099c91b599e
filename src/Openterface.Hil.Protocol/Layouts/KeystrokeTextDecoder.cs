using System.Text;

namespace Openterface.Hil.Protocol;

/// <summary>
/// The reverse of <see cref="KeyboardLayout.ToStrokes"/>: feeds full keyboard states (as a target sees them) and
/// collects the text a target with that layout would show, including dead-key composition. Used by the simulator's
/// recording target and by tests.
/// </summary>
public sealed class KeystrokeTextDecoder
{
    private readonly KeyboardLayout _layout;
    private readonly StringBuilder _text = new();
    private readonly HashSet<byte> _held = [];
    private (char Accent, Dictionary<char, char> Compose)? _pendingDead;

    public KeystrokeTextDecoder(KeyboardLayout layout)
    {
        _layout = layout;
    }

    public string Text => _text.ToString();

    /// <summary>Strokes that type no character (e.g. ctrl+c, f2), as chord names.</summary>
    public IList<string> OtherKeys { get; } = new List<string>();

    /// <summary>Feeds one full state (modifier bits folded, usages without E0..E7).</summary>
    public void Feed(KeyModifiers modifiers, ReadOnlySpan<byte> usages)
    {
        var pressed = new List<byte>();
        foreach (var usage in usages)
        {
            if (usage != 0 && !_held.Contains(usage))
            {
                pressed.Add(usage);
            }
        }

        _held.Clear();
        foreach (var usage in usages)
        {
            if (usage != 0)
            {
                _held.Add(usage);
            }
        }

        foreach (var usage in pressed)
        {
            Press(modifiers, (HidUsage)usage);
        }
    }

    private void Press(KeyModifiers modifiers, HidUsage usage)
    {
        if (modifiers == KeyModifiers.None && usage is HidUsage.Enter or HidUsage.Tab)
        {
            Emit(usage == HidUsage.Enter ? '\n' : '\t');
            return;
        }

        var normalized = KeyModifiers.None;
        if ((modifiers & (KeyModifiers.LeftShift | KeyModifiers.RightShift)) != 0)
        {
            normalized |= KeyModifiers.LeftShift;
        }

        if ((modifiers & KeyModifiers.RightAlt) != 0)
        {
            normalized |= KeyModifiers.RightAlt;
        }

        var others = modifiers & ~(KeyModifiers.LeftShift | KeyModifiers.RightShift | KeyModifiers.RightAlt);
        var stroke = new KeyStroke(normalized, usage);
        if (others != KeyModifiers.None)
        {
            OtherKeys.Add(new KeyChord(modifiers, usage).ToString());
            return;
        }

        if (_layout.Table.DeadKeys.TryGetValue(stroke, out var dead))
        {
            if (_pendingDead is { } previous)
            {
                _text.Append(previous.Accent);
            }

            _pendingDead = dead;
            return;
        }

        if (_layout.Table.Produces.TryGetValue(stroke, out var character))
        {
            Emit(character);
            return;
        }

        OtherKeys.Add(new KeyChord(modifiers, usage).ToString());
    }

    private void Emit(char character)
    {
        if (_pendingDead is { } dead)
        {
            _pendingDead = null;
            if (dead.Compose.TryGetValue(character, out var composed))
            {
                _text.Append(composed);
                return;
            }

            _text.Append(dead.Accent);
            if (character == ' ')
            {
                return;
            }
        }

        _text.Append(character);
    }
}
