namespace Openterface.Hil.Protocol;

/// <summary>The first four layouts (xkb "us", "gb", "de", "fr" basic variants as a Linux target maps them).</summary>
public sealed partial class KeyboardLayout
{
    private const KeyModifiers Shift = KeyModifiers.LeftShift;

    public static KeyboardLayout Us { get; } = new("us", "US QWERTY", new LayoutTable()
        .Row(LayoutTable.Row1, "`1234567890-=", "~!@#$%^&*()_+")
        .Row(LayoutTable.Row2, "qwertyuiop[]\\", "QWERTYUIOP{}|")
        .Row(LayoutTable.Row3, "asdfghjkl;'", "ASDFGHJKL:\"")
        .Row(LayoutTable.Row4[1..], "zxcvbnm,./", "ZXCVBNM<>?"));

    public static KeyboardLayout Uk { get; } = new("uk", "UK QWERTY (ISO)", new LayoutTable()
        .Row(LayoutTable.Row1, "`1234567890-=", "¬!\"£$%^&*()_+", "¦   €")
        .Row(LayoutTable.Row2[..12], "qwertyuiop[]", "QWERTYUIOP{}")
        .Row(LayoutTable.Row3, "asdfghjkl;'#", "ASDFGHJKL:@~")
        .Row(LayoutTable.Row4, "\\zxcvbnm,./", "|ZXCVBNM<>?"));

    public static KeyboardLayout De { get; } = new("de", "German QWERTZ", new LayoutTable()
        .Row(LayoutTable.Row1, " 1234567890ß", "°!\"§$%&/()=?", "  ²³   {[]}\\")
        .Row(LayoutTable.Row2[..12], "qwertzuiopü+", "QWERTZUIOPÜ*", "@ €        ~")
        .Row(LayoutTable.Row3, "asdfghjklöä#", "ASDFGHJKLÖÄ'")
        .Row(LayoutTable.Row4, "<yxcvbnm,.-", ">YXCVBNM;:_", "|      µ")
        .Dead(KeyModifiers.None, HidUsage.Grave, '^', "aâeêiîoôuûAÂEÊIÎOÔUÛ")
        .Dead(KeyModifiers.None, HidUsage.Equal, '´', "aáeéiíoóuúyýAÁEÉIÍOÓUÚYÝ")
        .Dead(Shift, HidUsage.Equal, '`', "aàeèiìoòuùAÀEÈIÌOÒUÙ"));

    public static KeyboardLayout Fr { get; } = new("fr", "French AZERTY", new LayoutTable()
        .Row(LayoutTable.Row1, "²&é\"'(-è_çà)=", " 1234567890°+", "  ~#{[|`\\ @]}")
        .Row(LayoutTable.Row2[..12], "azertyuiop $", "AZERTYUIOP £", "  €        ¤")
        .Row(LayoutTable.Row3, "qsdfghjklmù*", "QSDFGHJKLM%µ")
        .Row(LayoutTable.Row4, "<wxcvbn,;:!", ">WXCVBN?./§")
        .Dead(KeyModifiers.None, HidUsage.LeftBracket, '^', "aâeêiîoôuûAÂEÊIÎOÔUÛ")
        .Dead(Shift, HidUsage.LeftBracket, '¨', "aäeëiïoöuüyÿAÄEËIÏOÖUÜ"));
}
