namespace Openterface.Hil.Simulator;

/// <summary>
/// HID keyboard usages (page 0x07) to QEMU key names (QKeyCode in QEMU 7.2's QAPI schema). The pairs follow the
/// Linux HID mapping QEMU's own USB keyboard uses in reverse, so a usage sent here reaches the guest as the same
/// usage. QEMU 7.2 has no names for F13-F24 and a few rare keys: those usages are reported as unmapped.
/// </summary>
internal static class QemuKeyCodes
{
    /// <summary>Modifier bits of a CH9329 keyboard report (bit0 LCtrl .. bit7 RGUI).</summary>
    private static readonly string[] ModifierNames = ["ctrl", "shift", "alt", "meta_l", "ctrl_r", "shift_r", "alt_r", "meta_r"];

    private static readonly string?[] UsageNames = Build();

    /// <summary>The QEMU name for modifier bit <paramref name="bit"/> (0..7).</summary>
    public static string Modifier(int bit) => ModifierNames[bit];

    /// <summary>The QEMU name for a usage, or null when QEMU cannot send it.</summary>
    public static string? Usage(byte usage) => UsageNames[usage];

    private static string?[] Build()
    {
        var names = new string?[256];
        for (var i = 0; i < 26; i++)
        {
            names[0x04 + i] = ((char)('a' + i)).ToString();
        }

        for (var i = 0; i < 9; i++)
        {
            names[0x1E + i] = ((char)('1' + i)).ToString();
        }

        names[0x27] = "0";
        string[] main =
        [
            "ret", "esc", "backspace", "tab", "spc", "minus", "equal", "bracket_left", "bracket_right", "backslash",
            "backslash", "semicolon", "apostrophe", "grave_accent", "comma", "dot", "slash", "caps_lock",
        ];
        for (var i = 0; i < main.Length; i++)
        {
            names[0x28 + i] = main[i]; // 0x28 Enter .. 0x39 Caps Lock; 0x32 (non-US # ~) is backslash on Linux too.
        }

        for (var i = 0; i < 12; i++)
        {
            names[0x3A + i] = "f" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        string[] navigation =
        [
            "sysrq", "scroll_lock", "pause", "insert", "home", "pgup", "delete", "end", "pgdn", "right", "left", "down",
            "up", "num_lock", "kp_divide", "kp_multiply", "kp_subtract", "kp_add", "kp_enter",
        ];
        for (var i = 0; i < navigation.Length; i++)
        {
            names[0x46 + i] = navigation[i]; // 0x46 PrintScreen .. 0x58 Keypad Enter.
        }

        for (var i = 0; i < 9; i++)
        {
            names[0x59 + i] = "kp_" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        names[0x62] = "kp_0";
        names[0x63] = "kp_decimal";
        names[0x64] = "less";       // Non-US \ | (ISO 102nd key).
        names[0x65] = "compose";    // Application (menu key).
        names[0x66] = "power";
        names[0x67] = "kp_equals";
        names[0x74] = "open";       // Execute.
        names[0x75] = "help";
        names[0x76] = "menu";
        names[0x77] = "front";      // Select.
        names[0x78] = "stop";
        names[0x79] = "again";
        names[0x7A] = "undo";
        names[0x7B] = "cut";
        names[0x7C] = "copy";
        names[0x7D] = "paste";
        names[0x7E] = "find";
        names[0x7F] = "audiomute";
        names[0x80] = "volumeup";
        names[0x81] = "volumedown";
        names[0x85] = "kp_comma";
        names[0x87] = "ro";               // International1 (JIS \ _).
        names[0x88] = "katakanahiragana"; // International2.
        names[0x89] = "yen";              // International3.
        names[0x8A] = "henkan";           // International4.
        names[0x8B] = "muhenkan";         // International5.
        names[0x90] = "lang1";            // Hangul / English.
        names[0x91] = "lang2";            // Hanja.
        names[0x93] = "hiragana";         // Lang4.
        names[0xE0] = "ctrl";
        names[0xE1] = "shift";
        names[0xE2] = "alt";
        names[0xE3] = "meta_l";
        names[0xE4] = "ctrl_r";
        names[0xE5] = "shift_r";
        names[0xE6] = "alt_r";
        names[0xE7] = "meta_r";
        return names;
    }
}
