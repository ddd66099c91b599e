namespace Openterface.Hil.Protocol;

/// <summary>
/// Case-insensitive key names for chords: every <see cref="HidUsage"/> name (digits as "0".."9"), plus common
/// aliases (esc, del, pgup, return, win/gui/super/meta, altgr...). Modifier names map to modifier bits.
/// </summary>
internal static class KeyNames
{
    private static readonly Dictionary<string, KeyModifiers> Modifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ctrl"] = KeyModifiers.LeftCtrl, ["control"] = KeyModifiers.LeftCtrl, ["lctrl"] = KeyModifiers.LeftCtrl,
        ["leftctrl"] = KeyModifiers.LeftCtrl, ["rctrl"] = KeyModifiers.RightCtrl, ["rightctrl"] = KeyModifiers.RightCtrl,
        ["shift"] = KeyModifiers.LeftShift, ["lshift"] = KeyModifiers.LeftShift, ["leftshift"] = KeyModifiers.LeftShift,
        ["rshift"] = KeyModifiers.RightShift, ["rightshift"] = KeyModifiers.RightShift,
        ["alt"] = KeyModifiers.LeftAlt, ["lalt"] = KeyModifiers.LeftAlt, ["leftalt"] = KeyModifiers.LeftAlt, ["option"] = KeyModifiers.LeftAlt,
        ["altgr"] = KeyModifiers.RightAlt, ["ralt"] = KeyModifiers.RightAlt, ["rightalt"] = KeyModifiers.RightAlt,
        ["win"] = KeyModifiers.LeftGui, ["gui"] = KeyModifiers.LeftGui, ["super"] = KeyModifiers.LeftGui, ["meta"] = KeyModifiers.LeftGui,
        ["cmd"] = KeyModifiers.LeftGui, ["command"] = KeyModifiers.LeftGui, ["lwin"] = KeyModifiers.LeftGui, ["leftgui"] = KeyModifiers.LeftGui,
        ["rwin"] = KeyModifiers.RightGui, ["rgui"] = KeyModifiers.RightGui, ["rightgui"] = KeyModifiers.RightGui,
    };

    private static readonly Dictionary<string, HidUsage> Keys = BuildKeys();

    /// <summary>Every accepted name (keys and modifiers), for suggestions and help.</summary>
    internal static IEnumerable<string> All => Keys.Keys.Concat(Modifiers.Keys);

    internal static bool TryGetModifier(string name, out KeyModifiers modifier) => Modifiers.TryGetValue(name, out modifier);

    internal static bool TryGetKey(string name, out HidUsage usage) => Keys.TryGetValue(name, out usage);

    /// <summary>The canonical lower-case name of a usage ("enter", "a", "f10", "0").</summary>
    internal static string NameOf(HidUsage usage) => usage switch
    {
        HidUsage.Return => "return2",
        HidUsage.Menu => "hidmenu",
        >= HidUsage.D1 and <= HidUsage.D0 => usage == HidUsage.D0 ? "0" : ((int)usage - (int)HidUsage.D1 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => usage.ToString().ToLowerInvariant(),
    };

    private static Dictionary<string, HidUsage> BuildKeys()
    {
        var keys = new Dictionary<string, HidUsage>(StringComparer.OrdinalIgnoreCase);
        foreach (var usage in Enum.GetValues<HidUsage>())
        {
            if (usage is HidUsage.None or HidUsage.ErrorRollOver or HidUsage.PostFail or HidUsage.ErrorUndefined || usage >= HidUsage.LeftCtrl)
            {
                continue;
            }

            keys[NameOf(usage)] = usage;
        }

        // Aliases people type. "return" means Enter and "menu" the context-menu key (Application); the rarely used
        // usages Return 0x9E and Menu 0x76 stay reachable as "return2" and "hidmenu".
        (string Alias, HidUsage Usage)[] aliases =
        [
            ("return", HidUsage.Enter), ("ret", HidUsage.Enter), ("cr", HidUsage.Enter),
            ("esc", HidUsage.Escape), ("del", HidUsage.Delete), ("ins", HidUsage.Insert),
            ("pgup", HidUsage.PageUp), ("pgdn", HidUsage.PageDown), ("pgdown", HidUsage.PageDown),
            ("bksp", HidUsage.Backspace), ("bs", HidUsage.Backspace), ("back", HidUsage.Backspace),
            ("spacebar", HidUsage.Space), ("capslock", HidUsage.CapsLock), ("caps", HidUsage.CapsLock),
            ("numlock", HidUsage.NumLock), ("num", HidUsage.NumLock), ("scrolllock", HidUsage.ScrollLock), ("scroll", HidUsage.ScrollLock),
            ("prtsc", HidUsage.PrintScreen), ("printscreen", HidUsage.PrintScreen), ("print", HidUsage.PrintScreen), ("prtscr", HidUsage.PrintScreen),
            ("break", HidUsage.Pause), ("menu", HidUsage.Application), ("apps", HidUsage.Application), ("contextmenu", HidUsage.Application),
            ("arrowup", HidUsage.Up), ("arrowdown", HidUsage.Down), ("arrowleft", HidUsage.Left), ("arrowright", HidUsage.Right),
            ("dash", HidUsage.Minus), ("hyphen", HidUsage.Minus), ("equals", HidUsage.Equal),
            ("lbracket", HidUsage.LeftBracket), ("rbracket", HidUsage.RightBracket), ("apostrophe", HidUsage.Quote),
            ("backtick", HidUsage.Grave), ("tilde", HidUsage.Grave), ("dot", HidUsage.Period),
            ("-", HidUsage.Minus), ("=", HidUsage.Equal), ("[", HidUsage.LeftBracket), ("]", HidUsage.RightBracket),
            ("\\", HidUsage.Backslash), (";", HidUsage.Semicolon), ("'", HidUsage.Quote), ("`", HidUsage.Grave),
            (",", HidUsage.Comma), (".", HidUsage.Period), ("/", HidUsage.Slash),
            ("kpenter", HidUsage.KeypadEnter), ("kpplus", HidUsage.KeypadPlus), ("kpminus", HidUsage.KeypadMinus),
            ("kpmultiply", HidUsage.KeypadMultiply), ("kpdivide", HidUsage.KeypadDivide), ("kpperiod", HidUsage.KeypadPeriod),
            ("iso", HidUsage.NonUsBackslash), ("ro", HidUsage.International1), ("kana", HidUsage.International2),
            ("yen", HidUsage.International3), ("henkan", HidUsage.International4), ("muhenkan", HidUsage.International5),
            ("hangul", HidUsage.Lang1), ("hanja", HidUsage.Lang2), ("volup", HidUsage.VolumeUp), ("voldown", HidUsage.VolumeDown),
        ];
        foreach (var (alias, usage) in aliases)
        {
            keys[alias] = usage;
        }

        for (var i = 0; i <= 9; i++)
        {
            keys["kp" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = i == 0 ? HidUsage.Keypad0 : HidUsage.Keypad1 + (byte)(i - 1);
        }

        return keys;
    }
}
