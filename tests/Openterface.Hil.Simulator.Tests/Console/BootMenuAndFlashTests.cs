namespace Openterface.Hil.Simulator.Tests.VirtualConsole;

public sealed class BootMenuAndFlashTests
{
    [Test]
    public async Task Boot_menu_lists_the_usb_stick_only_when_switched_to_the_target()
    {
        await using var rig = new ConsoleRig();
        rig.Press(Keys.F12);
        var hostSide = rig.Text;

        await rig.Target.SetUsbSwitchAsync(toTarget: true);

        Assert.Multiple(() =>
        {
            Assert.That(hostSide, Does.Contain("Internal Disk").And.Contain("Network (PXE)").And.Not.Contain("USB: HIL Flash"));
            Assert.That(rig.Text, Does.Contain("USB: HIL Flash"));
            Assert.That(rig.Target.UsbSwitchToTarget, Is.True);
        });
    }

    [Test]
    public async Task Booting_the_usb_stick_flashes_its_version_then_reboots()
    {
        await using var rig = new ConsoleRig();
        rig.Target.UsbDiskVersion = "2.7.1";
        await rig.Target.SetUsbSwitchAsync(toTarget: true);
        rig.Press(Keys.F12);

        rig.Press(Keys.Down);
        rig.Press(Keys.Enter);
        var started = rig.Text;
        rig.Advance(TimeSpan.FromSeconds(0.5));
        var halfway = rig.Text;
        rig.Advance(TimeSpan.FromSeconds(0.5));
        var done = rig.Text;
        rig.Advance(TimeSpan.FromSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(started, Does.Contain("Flashing firmware from USB... 0%"));
            Assert.That(halfway, Does.Contain("Flashing firmware from USB... 50%"));
            Assert.That(done, Does.Contain("Flashing firmware from USB... done, version 2.7.1"));
            Assert.That(rig.Screen, Is.EqualTo("post"));
        });
    }

    [Test]
    public async Task Usb_label_names_the_boot_menu_entry()
    {
        await using var rig = new ConsoleRig();
        rig.Target.UsbDiskLabel = "RECOVERY";
        await rig.Target.SetUsbSwitchAsync(toTarget: true);

        rig.Press(Keys.F12);

        Assert.That(rig.Text, Does.Contain("USB: RECOVERY"));
    }

    [Test]
    public async Task Network_boot_fails_and_any_key_reboots()
    {
        await using var rig = new ConsoleRig();
        rig.Press(Keys.F12);
        rig.Press(Keys.Down);
        rig.Press(Keys.Enter);
        var pxe = rig.Text;

        rig.Press(Keys.Enter);

        Assert.Multiple(() =>
        {
            Assert.That(pxe, Does.Contain("No bootable device found. Press any key to reboot."));
            Assert.That(rig.Screen, Is.EqualTo("post"));
        });
    }

    [Test]
    public async Task Esc_in_the_boot_menu_boots_in_the_normal_order()
    {
        await using var rig = new ConsoleRig();
        rig.Press(Keys.F12);

        rig.Press(Keys.Escape);

        Assert.That(rig.Screen, Is.EqualTo("login"));
    }

    [Test]
    public async Task Boot_menu_can_enter_setup_and_up_wraps_to_it()
    {
        await using var rig = new ConsoleRig();
        rig.Press(Keys.F12);

        rig.Press(Keys.Up);
        rig.Press(Keys.Enter);

        Assert.That(rig.Screen, Is.EqualTo("setup"));
    }

    [Test]
    public async Task Boot_menu_stays_until_a_choice_is_made()
    {
        await using var rig = new ConsoleRig();
        rig.Press(Keys.F12);

        rig.Advance(TimeSpan.FromMinutes(5));

        Assert.That(rig.Screen, Is.EqualTo("boot-menu"));
    }
}
