namespace Openterface.Hil.Protocol;

/// <summary>Keyboard LEDs the target set (GET_INFO byte 2, reference §2.4).</summary>
[Flags]
public enum LockLeds : byte
{
    None = 0,
    NumLock = 0x01,
    CapsLock = 0x02,
    ScrollLock = 0x04,
}
