namespace Openterface.Hil.Simulator.Tests.VirtualConsole;

public sealed class PowerAndPostTests
{
    [Test]
    public async Task A_new_target_shows_the_post_screen_with_the_setup_hint_and_date()
    {
        await using var rig = new ConsoleRig();

        Assert.Multiple(() =>
        {
            Assert.That(rig.Screen, Is.EqualTo("post"));
            Assert.That(rig.Text, Does.Contain("Press DEL or F2 to enter SETUP, F12 for Boot Menu"));
            Assert.That(rig.Text, Does.Contain("04/13/2021"));
            Assert.That(rig.Text, Does.Contain("HIL Virtual CPU"));
            Assert.That(rig.Target.PoweredOn && rig.Target.UsbEnumerated, Is.True);
        });
    }

    [Test]
    public async Task Memory_test_counts_up_then_reports_all_memory()
    {
        await using var rig = new ConsoleRig();
        var first = rig.Text;

        rig.Advance(TimeSpan.FromSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(first, Does.Contain("Memory Test :     0M\n"));
            Assert.That(rig.Text, Does.Contain("Memory Test : 16384M OK"));
        });
    }

    [Test]
    public async Task Post_boots_the_internal_disk_when_its_time_is_up()
    {
        await using var rig = new ConsoleRig(new ConsoleTargetOptions { PostDuration = TimeSpan.FromSeconds(1.5) });

        rig.Advance(TimeSpan.FromSeconds(1.4));
        var before = rig.Screen;
        rig.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo("post"));
            Assert.That(rig.Screen, Is.EqualTo("login"));
            Assert.That(rig.Text, Does.EndWith("hil-target login: _"));
        });
    }

    [TestCase(Keys.F2)]
    [TestCase(Keys.Delete)]
    public async Task F2_or_delete_during_post_opens_setup(byte key)
    {
        await using var rig = new ConsoleRig();

        rig.Press(key);
        rig.Advance(TimeSpan.FromSeconds(10));

        Assert.That(rig.Screen, Is.EqualTo("setup"));
    }

    [Test]
    public async Task F12_during_post_opens_the_boot_menu()
    {
        await using var rig = new ConsoleRig();

        rig.Press(Keys.F12);

        Assert.That(rig.Text, Does.Contain("Please select boot device:"));
    }

    [Test]
    public async Task Power_off_gives_black_frames_and_power_on_starts_post_again()
    {
        await using var rig = new ConsoleRig();
        rig.BootToShell();

        await rig.Target.PowerAsync(VirtualPowerAction.Off);
        using var black = await rig.Target.Display.ReadFrameAsync();
        var offState = (rig.Screen, rig.Target.PoweredOn, rig.Target.UsbEnumerated, rig.Target.Leds);
        await rig.Target.PowerAsync(VirtualPowerAction.On);

        Assert.Multiple(() =>
        {
            Assert.That(black.Pixels.ToArray().All(b => b == 0), Is.True, "every pixel is black");
            Assert.That(offState, Is.EqualTo(("off", false, false, (byte)0)));
            Assert.That(rig.Screen, Is.EqualTo("post"));
        });
    }

    [Test]
    public async Task Power_on_while_on_is_ignored_and_reset_while_off_stays_off()
    {
        await using var rig = new ConsoleRig();
        rig.FinishPost();

        await rig.Target.PowerAsync(VirtualPowerAction.On);
        var afterOn = rig.Screen;
        await rig.Target.PowerAsync(VirtualPowerAction.Off);
        await rig.Target.PowerAsync(VirtualPowerAction.Reset);

        Assert.That((afterOn, rig.Screen), Is.EqualTo(("login", "off")));
    }

    [Test]
    public async Task Reset_restarts_post_from_any_screen()
    {
        await using var rig = new ConsoleRig();
        rig.BootToShell();

        await rig.Target.PowerAsync(VirtualPowerAction.Reset);

        Assert.That(rig.Screen, Is.EqualTo("post"));
    }

    [Test]
    public async Task A_target_can_start_powered_off()
    {
        await using var rig = new ConsoleRig(new ConsoleTargetOptions { StartPoweredOn = false });

        Assert.That((rig.Screen, rig.Target.PoweredOn, rig.Text.Trim()), Is.EqualTo(("off", false, string.Empty)));
    }
}
