namespace Openterface.Hil;

public enum MouseButton
{
    Left,
    Right,
    Middle,
}
