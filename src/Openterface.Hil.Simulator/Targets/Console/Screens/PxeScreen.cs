using Openterface.Hil.Imaging.Fonts;

namespace Openterface.Hil.Simulator;

/// <summary>Network boot: no cable, no server; any key reboots.</summary>
internal sealed class PxeScreen(ConsoleMachine machine) : IConsoleScreen
{
    public string Name => "pxe";

    public void HandleKey(KeyPress key) => machine.Reset();

    public void Tick()
    {
    }

    public void Draw(TextGrid grid)
    {
        grid.Clear(Vga.LightGray, Vga.Black);
        grid.Write(0, 0, "HIL PXE Boot Agent v1.0.4", Vga.White, Vga.Black);
        grid.Write(0, 1, "Copyright (C) 2021 Openterface HIL", Vga.LightGray, Vga.Black);
        grid.Write(0, 3, "CLIENT MAC ADDR: 52 54 00 12 34 56  GUID: 6F1C2A4E-0B7D-4E21-9C3A-5D8E7F901234", Vga.LightGray, Vga.Black);
        grid.Write(0, 4, "PXE-E61: Media test failure, check cable", Vga.LightGray, Vga.Black);
        grid.Write(0, 5, "PXE-M0F: Exiting PXE ROM.", Vga.LightGray, Vga.Black);
        grid.Write(0, 7, "No bootable device found. Press any key to reboot.", Vga.White, Vga.Black);
    }
}
