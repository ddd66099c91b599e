namespace Openterface.Hil.Protocol;

/// <summary>
/// More layouts from the same key-row tables (xkb "es", "it", "se", "jp" basic and "us(dvorak)" as a Linux target
/// maps them). Characters whose AltGr place differs between xkb and Windows are left out rather than guessed.
/// </summary>
public sealed partial class KeyboardLayout
{
    private const KeyModifiers AltGr = KeyModifiers.RightAlt;

    public static KeyboardLayout Es { get; } = new("es", "Spanish QWERTY (ISO)", new LayoutTable()
        .Row(LayoutTable.Row1, "º1234567890'¡", "ª!\"·$%&/()=?¿", "\\|@#~½¬")
        .Row(LayoutTable.Row2[..12], "qwertyuiop`+", "QWERTYUIOP^*", "  €       []")
        .Row(LayoutTable.Row3, "asdfghjklñ´ç", "ASDFGHJKLÑ¨Ç", "          {}")
        .Row(LayoutTable.Row4, "<zxcvbnm,.-", ">ZXCVBNM;:_", "|")
        .Dead(KeyModifiers.None, HidUsage.LeftBracket, '`', "aàeèiìoòuùAÀEÈIÌOÒUÙ")
        .Dead(Shift, HidUsage.LeftBracket, '^', "aâeêiîoôuûAÂEÊIÎOÔUÛ")
        .Dead(KeyModifiers.None, HidUsage.Quote, '´', "aáeéiíoóuúyýAÁEÉIÍOÓUÚYÝ")
        .Dead(Shift, HidUsage.Quote, '¨', "aäeëiïoöuüyÿAÄEËIÏOÖUÜ"));

    public static KeyboardLayout It { get; } = new("it", "Italian QWERTY (ISO)", new LayoutTable()
        .Row(LayoutTable.Row1, "\\1234567890'ì", "|!\"£$%&/()=?^", "  ²³¼½¬    `~")
        .Row(LayoutTable.Row2[..12], "qwertyuiopè+", "QWERTYUIOPé*", "  €       []")
        .Row(LayoutTable.Row3, "asdfghjklòàù", "ASDFGHJKLç°§", "         @#")
        .Row(LayoutTable.Row4, "<zxcvbnm,.-", ">ZXCVBNM;:_"));

    public static KeyboardLayout Sv { get; } = new("sv", "Swedish QWERTY (ISO)", new LayoutTable()
        .Row(LayoutTable.Row1, "§1234567890+´", "½!\"#¤%&/()=?`", "  @£$€ {[]}\\")
        .Row(LayoutTable.Row2[..12], "qwertyuiopå¨", "QWERTYUIOPÅ^", "  €        ~")
        .Row(LayoutTable.Row3, "asdfghjklöä'", "ASDFGHJKLÖÄ*")
        .Row(LayoutTable.Row4, "<zxcvbnm,.-", ">ZXCVBNM;:_", "|      µ")
        .Dead(KeyModifiers.None, HidUsage.Equal, '´', "aáeéiíoóuúyýAÁEÉIÍOÓUÚYÝ")
        .Dead(Shift, HidUsage.Equal, '`', "aàeèiìoòuùAÀEÈIÌOÒUÙ")
        .Dead(KeyModifiers.None, HidUsage.RightBracket, '¨', "eëiïuüyÿEËIÏUÜ")
        .Dead(Shift, HidUsage.RightBracket, '^', "aâeêiîoôuûAÂEÊIÎOÔUÛ")
        .Dead(AltGr, HidUsage.RightBracket, '~', "nñoõNÑOÕ"));

    /// <summary>JIS (106/109 keys): the Yen key (International3) types '\' and '|', the Ro key (International1) '\' and '_'.</summary>
    public static KeyboardLayout Ja { get; } = new("ja", "Japanese JIS", new LayoutTable()
        .Row(LayoutTable.Row1, " 1234567890-^", " !\"#$%&'() =~")
        .Row(LayoutTable.Row2[..12], "qwertyuiop@[", "QWERTYUIOP`{")
        .Row(LayoutTable.Row3, "asdfghjkl;:]", "ASDFGHJKL+*}")
        .Row(LayoutTable.Row4[1..], "zxcvbnm,./", "ZXCVBNM<>?")
        .Row([HidUsage.International3, HidUsage.International1], "\\\\", "|_"));

    public static KeyboardLayout Dvorak { get; } = new("dvorak", "US Dvorak", new LayoutTable()
        .Row(LayoutTable.Row1, "`1234567890[]", "~!@#$%^&*(){}")
        .Row(LayoutTable.Row2, "',.pyfgcrl/=\\", "\"<>PYFGCRL?+|")
        .Row(LayoutTable.Row3, "aoeuidhtns-", "AOEUIDHTNS_")
        .Row(LayoutTable.Row4[1..], ";qjkxbmwvz", ":QJKXBMWVZ"));
}
