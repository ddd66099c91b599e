namespace Openterface.Hil.Protocol;

/// <summary>Keyboard report byte 0 (reference §2.5): one bit per modifier key, usages E0..E7 in order.</summary>
[Flags]
public enum KeyModifiers : byte
{
    None = 0,
    LeftCtrl = 0x01,
    LeftShift = 0x02,
    LeftAlt = 0x04,
    LeftGui = 0x08,
    RightCtrl = 0x10,
    RightShift = 0x20,
    RightAlt = 0x40,
    RightGui = 0x80,
}
