using Openterface.Hil.Imaging.Fonts;

namespace Openterface.Hil.Simulator;

/// <summary>
/// The F12 boot menu: present boot devices (the USB stick only when the switch is on the target side) plus
/// "Enter Setup". Up/Down move, Enter boots, Esc boots in the normal order.
/// </summary>
internal sealed class BootMenuScreen(ConsoleMachine machine) : IConsoleScreen
{
    private const string EnterSetup = "Enter Setup";
    private const int Left = 20;
    private const int Width = 40;
    private int _selected;

    public string Name => "boot-menu";

    public void HandleKey(KeyPress key)
    {
        var devices = machine.PresentDevices;
        var count = devices.Count + 1;
        _selected = Math.Min(_selected, count - 1);
        if (key.Usage == HidKeys.Up)
        {
            _selected = (_selected + count - 1) % count;
        }
        else if (key.Usage == HidKeys.Down)
        {
            _selected = (_selected + 1) % count;
        }
        else if (key.Usage == HidKeys.Escape)
        {
            machine.BootDefault(machine.Now);
        }
        else if (key.IsEnter)
        {
            if (_selected < devices.Count)
            {
                machine.Boot(devices[_selected]);
            }
            else
            {
                machine.Show(new SetupScreen(machine));
            }
        }
    }

    public void Tick()
    {
    }

    public void Draw(TextGrid grid)
    {
        var entries = machine.PresentDevices.Select(machine.DeviceName).Append(EnterSetup).ToList();
        var selected = Math.Min(_selected, entries.Count - 1);
        var top = 6;
        var height = entries.Count + 9;
        grid.Clear(Vga.LightGray, Vga.Black);
        ConsoleDrawing.Panel(grid, Left, top, Width, height, doubleLine: true, Vga.White, Vga.Blue);
        ConsoleDrawing.Centered(grid, Left, top + 1, Width, "Please select boot device:", Vga.White, Vga.Blue);
        grid.Fill(Left + 1, top + 2, Width - 2, 1, '─', Vga.White, Vga.Blue);
        for (var i = 0; i < entries.Count; i++)
        {
            var row = top + 3 + i;
            var (fg, bg) = i == selected ? (Vga.Blue, Vga.LightGray) : (Vga.White, Vga.Blue);
            ConsoleDrawing.Bar(grid, Left + 2, row, Width - 4, fg, bg);
            grid.Write(Left + 3, row, entries[i], fg, bg);
        }

        var hints = top + entries.Count + 4;
        grid.Fill(Left + 1, hints, Width - 2, 1, '─', Vga.White, Vga.Blue);
        ConsoleDrawing.Centered(grid, Left, hints + 1, Width, "↑ and ↓ to move selection", Vga.LightGray, Vga.Blue);
        ConsoleDrawing.Centered(grid, Left, hints + 2, Width, "ENTER to select boot device", Vga.LightGray, Vga.Blue);
        ConsoleDrawing.Centered(grid, Left, hints + 3, Width, "ESC to boot using defaults", Vga.LightGray, Vga.Blue);
    }
}
