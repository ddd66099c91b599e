using Openterface.Hil.Imaging.Fonts;

namespace Openterface.Hil.Simulator;

/// <summary>
/// The setup utility. Left/Right switch tabs, Up/Down move the highlight, Enter or +/- change a value, F9 loads
/// defaults, F10 asks "Save configuration and exit?" (Yes saves to NVRAM and resets), Esc discards and boots.
/// Changes apply to a copy of the settings until saved.
/// </summary>
internal sealed class SetupScreen : IConsoleScreen
{
    private const int PanelWidth = 57;
    private const int ValueColumn = 30;
    private const int FirstItemRow = 4;

    private readonly ConsoleMachine _machine;
    private readonly IReadOnlyList<SetupPage> _pages;
    private int _tab;
    private int _item;
    private ConfirmDialog? _dialog;

    public SetupScreen(ConsoleMachine machine)
    {
        _machine = machine;
        Pending = machine.Settings.Clone();
        _pages = SetupPages.Build(this, machine);
        _item = FirstSelectable(_pages[0]);
    }

    public string Name => "setup";

    /// <summary>The settings as edited, not yet saved.</summary>
    public FirmwareSettings Pending { get; private set; }

    private SetupItem Current => _pages[_tab].Items[_item];

    public void HandleKey(KeyPress key)
    {
        if (_dialog is not null)
        {
            if (!_dialog.HandleKey(key))
            {
                _dialog = null;
            }

            return;
        }

        switch (key.Usage)
        {
            case HidKeys.Left or HidKeys.Right:
                _tab = (_tab + (key.Usage == HidKeys.Right ? 1 : _pages.Count - 1)) % _pages.Count;
                _item = FirstSelectable(_pages[_tab]);
                return;
            case HidKeys.Up or HidKeys.Down:
                Move(key.Usage == HidKeys.Down ? 1 : -1);
                return;
            case HidKeys.F9:
                LoadDefaults();
                return;
            case HidKeys.F10:
                AskSave();
                return;
            case HidKeys.Escape:
                Discard();
                return;
        }

        if (key.IsEnter)
        {
            (Current.Activate ?? (() => Current.Change?.Invoke(1)))();
        }
        else if (key.IsPlus || key.IsMinus)
        {
            Current.Change?.Invoke(key.IsPlus ? 1 : -1);
        }
    }

    public void AskSave() =>
        _dialog = new ConfirmDialog("Save & Exit Setup", "Save configuration and exit?", () =>
        {
            _machine.Settings = Pending.Clone();
            _machine.Reset();
        });

    public void Discard() => _machine.BootDefault(_machine.Now);

    public void LoadDefaults() =>
        _dialog = new ConfirmDialog("Load Setup Defaults", "Load optimized defaults?", () => Pending = new FirmwareSettings());

    public void Tick()
    {
    }

    public void Draw(TextGrid grid)
    {
        grid.Clear(Vga.White, Vga.Blue);
        ConsoleDrawing.Centered(grid, 0, 0, grid.Columns, "HIL Firmware Setup Utility", Vga.White, Vga.Blue);
        DrawTabs(grid);
        ConsoleDrawing.Box(grid, 0, 2, PanelWidth, 20, doubleLine: true, Vga.LightGray, Vga.Blue);
        ConsoleDrawing.Box(grid, PanelWidth, 2, grid.Columns - PanelWidth, 20, doubleLine: true, Vga.LightGray, Vga.Blue);
        var items = _pages[_tab].Items;
        for (var i = 0; i < items.Count; i++)
        {
            var row = FirstItemRow + i;
            var item = items[i];
            var highlighted = i == _item && item.Selectable;
            var (fg, bg) = highlighted ? (Vga.Blue, Vga.LightGray) : (item.Selectable ? Vga.White : Vga.LightGray, Vga.Blue);
            if (highlighted)
            {
                ConsoleDrawing.Bar(grid, 1, row, PanelWidth - 2, fg, bg);
            }

            grid.Write(3, row, item.Label, fg, bg);
            grid.Write(ValueColumn, row, item.Value(), highlighted ? fg : Vga.White, bg);
        }

        ConsoleDrawing.Centered(grid, PanelWidth, 3, grid.Columns - PanelWidth, "Item Specific Help", Vga.White, Vga.Blue);
        ConsoleDrawing.Wrapped(grid, PanelWidth + 2, 5, grid.Columns - PanelWidth - 4, Current.Help, Vga.LightGray, Vga.Blue);
        grid.Write(1, 22, "←→: Select Screen   ↑↓: Select Item   Enter/+/-: Change Value   F9: Defaults", Vga.LightCyan, Vga.Blue);
        grid.Write(1, 23, "F10: Save and Exit   ESC: Discard and Exit", Vga.LightCyan, Vga.Blue);
        ConsoleDrawing.Centered(grid, 0, 24, grid.Columns, "Version 2.14.1021  Copyright (C) 2021 Openterface HIL", Vga.LightGray, Vga.Blue);
        _dialog?.Draw(grid);
    }

    private void DrawTabs(TextGrid grid)
    {
        ConsoleDrawing.Bar(grid, 0, 1, grid.Columns, Vga.Black, Vga.Cyan);
        var column = 2;
        for (var i = 0; i < _pages.Count; i++)
        {
            var title = " " + _pages[i].Title + " ";
            var (fg, bg) = i == _tab ? (Vga.White, Vga.Blue) : (Vga.Black, Vga.Cyan);
            grid.Write(column, 1, title, fg, bg);
            column += title.Length + 1;
        }
    }

    private void Move(int step)
    {
        var items = _pages[_tab].Items;
        for (var i = 1; i <= items.Count; i++)
        {
            var candidate = ((_item + (step * i)) % items.Count + items.Count) % items.Count;
            if (items[candidate].Selectable)
            {
                _item = candidate;
                return;
            }
        }
    }

    private static int FirstSelectable(SetupPage page)
    {
        for (var i = 0; i < page.Items.Count; i++)
        {
            if (page.Items[i].Selectable)
            {
                return i;
            }
        }

        return 0;
    }
}
