namespace Openterface.Hil.Simulator.Tests.VirtualConsole;

public sealed class KeyboardAndLedTests
{
    [Test]
    public async Task A_held_key_is_one_press_and_only_new_keys_in_a_state_count()
    {
        await using var rig = new ConsoleRig();
        rig.BootToShell();

        await rig.Target.KeyboardStateAsync(0, new byte[] { 0x04 });
        await rig.Target.KeyboardStateAsync(0, new byte[] { 0x04 });
        await rig.Target.KeyboardStateAsync(0, new byte[] { 0x04, 0x05 });
        await rig.Target.KeyboardStateAsync(0, ReadOnlyMemory<byte>.Empty);

        Assert.That(rig.Text, Does.EndWith("root@hil-target:~# ab_"));
    }

    [Test]
    public async Task Caps_lock_toggles_its_led_and_raises_leds_changed()
    {
        await using var rig = new ConsoleRig();
        var seen = new List<byte>();
        rig.Target.LedsChanged += (_, leds) => seen.Add(leds);

        rig.Press(Keys.CapsLock);
        rig.Press(Keys.CapsLock);

        Assert.That(seen, Is.EqualTo(new byte[] { 0x03, 0x01 }), "Num Lock is on from POST; Caps toggles bit1");
    }

    [Test]
    public async Task Bootup_num_lock_setting_decides_the_led_after_reset()
    {
        await using var rig = new ConsoleRig();
        var seen = new List<byte>();
        rig.Target.LedsChanged += (_, leds) => seen.Add(leds);
        var atPost = rig.Target.Leds;
        rig.Press(Keys.F2);
        rig.Press(Keys.Right, Keys.Down);
        rig.Press(Keys.Enter);
        rig.Press(Keys.F10);

        rig.Press(Keys.Enter);

        Assert.Multiple(() =>
        {
            Assert.That(atPost, Is.EqualTo(0x01));
            Assert.That(rig.Target.Leds, Is.EqualTo(0x00));
            Assert.That(seen, Is.EqualTo(new byte[] { 0x00 }));
        });
    }

    [Test]
    public async Task Led_change_from_a_timed_reboot_is_reported_too()
    {
        await using var rig = new ConsoleRig();
        await rig.Target.SetUsbSwitchAsync(toTarget: true);
        rig.Press(Keys.F12);
        rig.Press(Keys.Down, Keys.Enter);
        rig.Press(Keys.NumLock);
        var seen = new List<byte>();
        rig.Target.LedsChanged += (_, leds) => seen.Add(leds);

        rig.Advance(TimeSpan.FromSeconds(5));
        _ = rig.Screen;

        Assert.That(seen, Is.EqualTo(new byte[] { 0x01 }));
    }

    [Test]
    public async Task Hid_not_enumerated_knob_loses_keys_and_reports_it()
    {
        await using var rig = new ConsoleRig();
        rig.Target.HidNotEnumerated = true;

        rig.Press(Keys.F2);
        rig.Press(Keys.CapsLock);

        Assert.Multiple(() =>
        {
            Assert.That(rig.Target.UsbEnumerated, Is.False);
            Assert.That(rig.Screen, Is.EqualTo("post"));
            Assert.That(rig.Target.Leds, Is.EqualTo(0x01));
        });
    }

    [Test]
    public async Task Sleeping_target_knob_eats_the_first_key_after_power_on()
    {
        await using var rig = new ConsoleRig(new ConsoleTargetOptions { StartPoweredOn = false });
        rig.Target.EatsFirstKeyAfterPowerOn = true;
        await rig.Target.PowerAsync(VirtualPowerAction.On);

        rig.Press(Keys.F2);
        var afterFirst = rig.Screen;
        rig.Press(Keys.F2);

        Assert.That((afterFirst, rig.Screen), Is.EqualTo(("post", "setup")));
    }

    [Test]
    public async Task Keys_while_powered_off_do_nothing()
    {
        await using var rig = new ConsoleRig(new ConsoleTargetOptions { StartPoweredOn = false });

        rig.Press(Keys.CapsLock);
        rig.Press(Keys.F2);

        Assert.That((rig.Screen, rig.Target.Leds), Is.EqualTo(("off", (byte)0)));
    }

    [Test]
    public async Task Pointer_input_is_accepted_and_ignored()
    {
        await using var rig = new ConsoleRig();
        var before = rig.Text;

        await rig.Target.PointerAbsoluteAsync(2048, 2048, 1, 0);
        await rig.Target.PointerRelativeAsync(10, -10, 0, 1);

        Assert.That(rig.Text, Is.EqualTo(before));
    }

    [Test]
    public async Task Cancelled_keyboard_state_throws_and_changes_nothing()
    {
        await using var rig = new ConsoleRig();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        Assert.ThrowsAsync<OperationCanceledException>(async () => await rig.Target.KeyboardStateAsync(0, new byte[] { Keys.F2 }, cts.Token));
        Assert.That(rig.Screen, Is.EqualTo("post"));
    }
}
