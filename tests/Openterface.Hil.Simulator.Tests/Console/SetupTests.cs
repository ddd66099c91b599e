using Openterface.Hil.Imaging.Fonts;

namespace Openterface.Hil.Simulator.Tests.VirtualConsole;

public sealed class SetupTests
{
    [Test]
    public async Task Setup_shows_tabs_items_help_and_highlights_the_first_editable_item()
    {
        await using var rig = InSetup();
        var grid = rig.Target.CaptureGrid();

        Assert.Multiple(() =>
        {
            Assert.That(rig.Text, Does.Contain("Main   Advanced   Boot   Security   Save & Exit"));
            Assert.That(rig.Text, Does.Contain("System Date").And.Contain("[04/13/2021]"));
            Assert.That(rig.Text, Does.Contain("Item Specific Help"));
            Assert.That(RowOf(grid, "System Date").Background, Is.EqualTo(7), "the bar is on System Date");
            Assert.That(RowOf(grid, "BIOS Version").Background, Is.EqualTo(1), "info lines are not highlighted");
        });
    }

    [Test]
    public async Task Right_and_left_switch_tabs_and_wrap_around()
    {
        await using var rig = InSetup();

        rig.Press(Keys.Right);
        var advanced = rig.Text;
        rig.Press(Keys.Left, Keys.Left);

        Assert.Multiple(() =>
        {
            Assert.That(advanced, Does.Contain("Virtualization").And.Contain("[Enabled]"));
            Assert.That(rig.Text, Does.Contain("Save Changes and Reset"));
        });
    }

    [Test]
    public async Task Down_moves_the_bar_and_the_help_follows()
    {
        await using var rig = InSetup();
        rig.Press(Keys.Right);

        rig.Press(Keys.Down);
        var grid = rig.Target.CaptureGrid();

        Assert.Multiple(() =>
        {
            Assert.That(RowOf(grid, "Bootup NumLock State").Background, Is.EqualTo(7));
            Assert.That(RowOf(grid, "Virtualization").Background, Is.EqualTo(1));
            Assert.That(rig.Text, Does.Contain("after power-on."));
        });
    }

    [Test]
    public async Task Changed_setting_saved_with_F10_survives_the_reset_and_shows_everywhere()
    {
        await using var rig = InSetup();
        rig.Press(Keys.Right, Keys.Right);
        rig.Press(Keys.Enter);
        var edited = rig.Text;

        rig.Press(Keys.F10);
        var dialog = rig.Text;
        rig.Press(Keys.Enter);
        var post = rig.Text;
        rig.Press(Keys.F2);
        rig.Press(Keys.Right, Keys.Right);

        Assert.Multiple(() =>
        {
            Assert.That(edited, Does.Contain("Boot Mode").And.Contain("[Legacy]"));
            Assert.That(dialog, Does.Contain("Save configuration and exit?").And.Contain("[Yes]").And.Contain("[No]"));
            Assert.That(post, Does.Contain("Boot Mode   : Legacy"));
            Assert.That(rig.Text, Does.Contain("[Legacy]"));
        });
    }

    [Test]
    public async Task Esc_discards_changes_and_boots()
    {
        await using var rig = InSetup();
        rig.Press(Keys.Right, Keys.Right, Keys.Right);
        rig.Press(Keys.Enter);

        rig.Press(Keys.Escape);
        var screen = rig.Screen;
        await rig.Target.PowerAsync(VirtualPowerAction.Reset);

        Assert.Multiple(() =>
        {
            Assert.That(screen, Is.EqualTo("login"));
            Assert.That(rig.Text, Does.Contain("Secure Boot : Enabled"));
        });
    }

    [Test]
    public async Task Choosing_no_in_the_save_dialog_keeps_setup_open_with_the_edits()
    {
        await using var rig = InSetup();
        rig.Press(Keys.KeypadPlus);

        rig.Press(Keys.F10);
        rig.Press(Keys.Right);
        rig.Press(Keys.Enter);

        Assert.Multiple(() =>
        {
            Assert.That(rig.Screen, Is.EqualTo("setup"));
            Assert.That(rig.Text, Does.Contain("[04/14/2021]").And.Not.Contain("Save configuration"));
        });
    }

    [Test]
    public async Task Plus_and_minus_change_the_date_and_the_saved_date_shows_on_post()
    {
        await using var rig = InSetup();

        rig.Press(Keys.KeypadPlus);
        rig.Press(Keys.KeypadPlus);
        rig.Press(Keys.Minus);
        rig.Press(Keys.KeypadPlus);
        rig.Press(Keys.F10);
        rig.Press(Keys.Enter);

        Assert.That(rig.Text, Does.Contain("System Date : 04/15/2021"));
    }

    [Test]
    public async Task Boot_order_change_makes_post_boot_the_network()
    {
        await using var rig = InSetup();
        rig.Press(Keys.Right, Keys.Right, Keys.Down);
        rig.Press(Keys.KeypadMinus);
        var edited = rig.Text;

        rig.Press(Keys.F10);
        rig.Press(Keys.Enter);
        rig.FinishPost();

        Assert.Multiple(() =>
        {
            Assert.That(edited, Does.Contain("Boot Option #1").And.Contain("[Network (PXE)]"));
            Assert.That(rig.Screen, Is.EqualTo("pxe"));
            Assert.That(rig.Text, Does.Contain("PXE-E61: Media test failure"));
        });
    }

    [Test]
    public async Task Settings_persist_across_power_off_and_on()
    {
        await using var rig = InSetup();
        rig.Press(Keys.Right, Keys.Right, Keys.Right);
        rig.Press(Keys.Enter);
        rig.Press(Keys.F10);
        rig.Press(Keys.Enter);

        await rig.Target.PowerAsync(VirtualPowerAction.Off);
        await rig.Target.PowerAsync(VirtualPowerAction.On);

        Assert.That(rig.Text, Does.Contain("Secure Boot : Disabled"));
    }

    [Test]
    public async Task Load_defaults_from_save_and_exit_restores_saved_changes()
    {
        await using var rig = InSetup();
        rig.Press(Keys.Right);
        rig.Press(Keys.Enter);
        rig.Press(Keys.F10);
        rig.Press(Keys.Enter);
        rig.Press(Keys.F2);

        rig.Press(Keys.Left);
        rig.Press(Keys.Down, Keys.Down);
        rig.Press(Keys.Enter);
        rig.Press(Keys.Enter);
        rig.Press(Keys.Left, Keys.Left, Keys.Left);

        Assert.That(rig.Text, Does.Contain("Virtualization").And.Contain("[Enabled]"));
    }

    [Test]
    public async Task Save_changes_and_reset_item_asks_before_saving()
    {
        await using var rig = InSetup();
        rig.Press(Keys.Left);

        rig.Press(Keys.Enter);

        Assert.That(rig.Text, Does.Contain("Save configuration and exit?"));
    }

    private static ConsoleRig InSetup()
    {
        var rig = new ConsoleRig();
        rig.Press(Keys.F2);
        Assert.That(rig.Screen, Is.EqualTo("setup"));
        return rig;
    }

    private static TextCell RowOf(TextGrid grid, string label)
    {
        var lines = grid.ToText().Split('\n');
        var row = Array.FindIndex(lines, l => l.Contains(label, StringComparison.Ordinal));
        Assert.That(row, Is.GreaterThanOrEqualTo(0), $"'{label}' is on screen");
        return grid[3, row];
    }
}
