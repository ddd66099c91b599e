namespace Openterface.Hil.Simulator;

/// <summary>The HID keyboard usages (page 0x07) and modifier bits the console target reacts to.</summary>
internal static class HidKeys
{
    public const byte A = 0x04;
    public const byte Z = 0x1D;
    public const byte Enter = 0x28;
    public const byte Escape = 0x29;
    public const byte Backspace = 0x2A;
    public const byte Tab = 0x2B;
    public const byte Space = 0x2C;
    public const byte Minus = 0x2D;
    public const byte Equal = 0x2E;
    public const byte CapsLock = 0x39;
    public const byte F1 = 0x3A;
    public const byte F2 = 0x3B;
    public const byte F9 = 0x42;
    public const byte F10 = 0x43;
    public const byte F12 = 0x45;
    public const byte ScrollLock = 0x47;
    public const byte Delete = 0x4C;
    public const byte Right = 0x4F;
    public const byte Left = 0x50;
    public const byte Down = 0x51;
    public const byte Up = 0x52;
    public const byte NumLock = 0x53;
    public const byte KeypadMinus = 0x56;
    public const byte KeypadPlus = 0x57;
    public const byte KeypadEnter = 0x58;

    public const byte LeftCtrl = 0x01;
    public const byte LeftShift = 0x02;
    public const byte RightCtrl = 0x10;
    public const byte RightShift = 0x20;

    /// <summary>Lock LED bits as GET_INFO reports them.</summary>
    public const byte NumLockLed = 0x01;
    public const byte CapsLockLed = 0x02;
    public const byte ScrollLockLed = 0x04;
}
