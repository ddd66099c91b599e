using Openterface.Hil.Imaging.Fonts;

namespace Openterface.Hil.Simulator;

/// <summary>Powered off: black frames, keys go nowhere.</summary>
internal sealed class PowerOffScreen : IConsoleScreen
{
    public string Name => "off";

    public void HandleKey(KeyPress key)
    {
    }

    public void Tick()
    {
    }

    public void Draw(TextGrid grid) => grid.Clear(Vga.LightGray, Vga.Black);
}
