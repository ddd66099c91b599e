using Openterface.Hil.Imaging.Fonts;

namespace Openterface.Hil.Simulator;

/// <summary>A setup pop-up: a question with [Yes] [No]. Left/Right/Tab choose, Enter confirms, Esc or N cancels, Y confirms.</summary>
internal sealed class ConfirmDialog(string title, string question, Action onYes)
{
    private const int Left = 18;
    private const int Top = 9;
    private const int Width = 44;

    public bool YesSelected { get; private set; } = true;

    /// <summary>Handles a key; returns false once the dialog is closed.</summary>
    public bool HandleKey(KeyPress key)
    {
        if (key.Usage is HidKeys.Left or HidKeys.Right or HidKeys.Tab)
        {
            YesSelected = !YesSelected;
            return true;
        }

        var character = char.ToLowerInvariant(key.Character ?? '\0');
        if (key.Usage == HidKeys.Escape || character == 'n' || (key.IsEnter && !YesSelected))
        {
            return false;
        }

        if (key.IsEnter || character == 'y')
        {
            onYes();
            return false;
        }

        return true;
    }

    public void Draw(TextGrid grid)
    {
        ConsoleDrawing.Panel(grid, Left, Top, Width, 7, doubleLine: true, Vga.Black, Vga.LightGray);
        ConsoleDrawing.Centered(grid, Left, Top, Width, " " + title + " ", Vga.Black, Vga.LightGray);
        ConsoleDrawing.Centered(grid, Left, Top + 2, Width, question, Vga.Black, Vga.LightGray);
        var (yesFg, yesBg) = YesSelected ? (Vga.White, Vga.Blue) : (Vga.Black, Vga.LightGray);
        var (noFg, noBg) = YesSelected ? (Vga.Black, Vga.LightGray) : (Vga.White, Vga.Blue);
        grid.Write(Left + 13, Top + 4, "[Yes]", yesFg, yesBg);
        grid.Write(Left + 26, Top + 4, "[No]", noFg, noBg);
    }
}
