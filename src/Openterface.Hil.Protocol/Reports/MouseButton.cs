namespace Openterface.Hil.Protocol;

/// <summary>Mouse buttons as the CH9329 report bits (reference §2.7): bit0 left, bit1 right, bit2 middle.</summary>
[Flags]
public enum MouseButton : byte
{
    None = 0,
    Left = 0x01,
    Right = 0x02,
    Middle = 0x04,
}
