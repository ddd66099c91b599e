namespace Openterface.Hil.Imaging.Fonts;

/// <summary>One character cell of a text-mode screen: the character and its VGA colours (0..15).</summary>
public readonly record struct TextCell(char Character, byte Foreground, byte Background)
{
    public static TextCell Blank(byte background = 0) => new(' ', 7, background);
}
