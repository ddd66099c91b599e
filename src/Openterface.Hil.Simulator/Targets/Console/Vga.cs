namespace Openterface.Hil.Simulator;

/// <summary>The 16 VGA text-mode colours by name.</summary>
internal static class Vga
{
    public const byte Black = 0;
    public const byte Blue = 1;
    public const byte Green = 2;
    public const byte Cyan = 3;
    public const byte Red = 4;
    public const byte Magenta = 5;
    public const byte Brown = 6;
    public const byte LightGray = 7;
    public const byte DarkGray = 8;
    public const byte LightBlue = 9;
    public const byte LightGreen = 10;
    public const byte LightCyan = 11;
    public const byte LightRed = 12;
    public const byte LightMagenta = 13;
    public const byte Yellow = 14;
    public const byte White = 15;
}
