using System.Diagnostics;

namespace Openterface.Hil.Simulator.Tests.Qemu;

/// <summary>
/// One real QEMU target, cold booted once and driven through a user's day in order: GRUB, Normal boot, login,
/// a command, the USB switch, the firmware-setup screen, reset, power off and on, a guest power-off.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("Qemu")]
public class QemuTargetTests
{
    private static readonly TimeSpan Boot = TimeSpan.FromSeconds(60);
    private QemuTarget _target = null!;

    [OneTimeSetUp]
    public async Task StartTarget()
    {
        QemuTestEnvironment.RequireQemu();
        _target = await QemuTarget.CreateAsync(new QemuTargetOptions { StartFrom = QemuStartPoint.ColdBoot });
        var watch = Stopwatch.StartNew();
        await _target.PowerAsync(VirtualPowerAction.On);
        await _target.WaitForSerialTextAsync("Power off", Boot);
        await TestContext.Progress.WriteLineAsync($"QEMU target ({_target.ActiveAccelerator}) at the GRUB menu after {watch.Elapsed.TotalSeconds:0.0}s");
    }

    [OneTimeTearDown]
    public async Task StopTarget()
    {
        if (_target is not null)
        {
            await _target.DisposeAsync();
        }
    }

    [Test]
    [Order(1)]
    public async Task Power_on_shows_the_grub_menu_with_every_entry()
    {
        var screen = await ReadScreenUntilAsync("Power off");

        Assert.Multiple(() =>
        {
            Assert.That(_target.PoweredOn, Is.True);
            Assert.That(_target.UsbEnumerated, Is.True);
            Assert.That(_target.ActiveAccelerator, Is.AnyOf(QemuAccelerator.Kvm, QemuAccelerator.Tcg));
            Assert.That(screen, Does.Contain("GNU GRUB").And.Contain("Normal boot").And.Contain("Recovery mode"));
            Assert.That(screen, Does.Contain("Firmware setup").And.Contain("Reboot").And.Contain("Power off"));
        });
    }

    [Test]
    [Order(2)]
    public async Task Firmware_setup_ignores_other_keys_and_returns_to_the_menu_on_escape()
    {
        var mark = _target.SerialLogLength;
        await UsKeyboard.PressAsync(_target, UsKeyboard.Down, times: 2);
        await UsKeyboard.PressAsync(_target, UsKeyboard.Enter);
        var shown = await _target.WaitForSerialTextAsync("Esc: Exit", Boot, mark);

        await UsKeyboard.TypeAsync(_target, "a\n");
        await UsKeyboard.PressAsync(_target, UsKeyboard.Escape);
        await _target.WaitForSerialTextAsync("Power off", Boot, shown);
        var screen = await ReadScreenUntilAsync("Normal boot");

        Assert.That(screen, Does.Contain("Normal boot").And.Not.Contain("Firmware Setup Utility"));
    }

    [Test]
    [Order(3)]
    public async Task Choosing_normal_boot_with_keys_reaches_the_login_prompt()
    {
        var mark = _target.SerialLogLength;
        await UsKeyboard.PressAsync(_target, UsKeyboard.Down);
        await UsKeyboard.PressAsync(_target, UsKeyboard.Up);
        await UsKeyboard.PressAsync(_target, UsKeyboard.Enter);

        var booted = await _target.WaitForSerialTextAsync("boot complete (mode normal)", Boot, mark);
        await _target.WaitForSerialTextAsync("hil-target login:", Boot, booted);
    }

    [Test]
    [Order(4)]
    public async Task Root_logs_in_on_tty1_and_a_command_answers_on_ttyS0()
    {
        var mark = _target.SerialLogLength;
        await ReadScreenUntilAsync("login:");
        await UsKeyboard.TypeAsync(_target, "root\n");
        await ReadScreenUntilAsync("Password");
        await UsKeyboard.TypeAsync(_target, "hil\n");
        await _target.WaitForSerialTextAsync("root login on 'tty1'", Boot, mark);

        await UsKeyboard.TypeAsync(_target, "uname -a > /dev/ttyS0; echo HIL-OK-$((6*7)) > /dev/ttyS0\n");
        await _target.WaitForSerialTextAsync("HIL-OK-42", Boot, mark);

        Assert.That(_target.ReadSerialLog(mark), Does.Match(@"Linux hil-target 6\.\d+\.\d+-\d+-amd64 .* x86_64"));
    }

    [Test]
    [Order(5)]
    public async Task The_screen_shows_the_shell_prompt_after_login()
    {
        var screen = await ReadScreenUntilAsync("HIL-OK-");

        Assert.That(screen, Does.Contain("hil-target").And.Contain("HIL-OK-").And.Contain("Welcome to the HIL target"));
    }

    [Test]
    [Order(6)]
    public async Task Absolute_pointer_moves_reach_the_guest_as_usb_tablet_reports()
    {
        var mark = _target.SerialLogLength;
        await UsKeyboard.TypeAsync(_target, "dd if=/dev/hidraw1 bs=64 count=1 2>/dev/null | od -An -tx1 > /dev/ttyS0; echo HID-DONE > /dev/ttyS0\n");

        // dd may open the tablet's hidraw node a moment after Enter: keep moving until one report got through.
        // QEMU's tablet report is buttons, x (LE16), y (LE16), wheel; 2048 -> 16384 (00 40), 1024 -> 8192 (00 20).
        var watch = Stopwatch.StartNew();
        for (var i = 0; !_target.ReadSerialLog(mark).Contains("HID-DONE", StringComparison.Ordinal) && watch.Elapsed < Boot; i++)
        {
            await (i % 2 == 0 ? _target.PointerAbsoluteAsync(2048, 1024, 0, 0) : _target.PointerAbsoluteAsync(1024, 2048, 0, 0));
            await Task.Delay(200);
        }

        Assert.That(_target.ReadSerialLog(mark), Does.Match("00 00 40 00 20 00|00 00 20 00 40 00"));
    }

    [Test]
    [Order(7)]
    public async Task The_usb_switch_hands_the_disk_to_the_guest_and_back_to_the_host()
    {
        var version = Path.Combine(Path.GetTempPath(), $"VERSION-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(version, "2.7.1\n");
        await QemuTestEnvironment.RunAsync("mcopy", "-o", "-i", _target.HostDiskPath, version, "::VERSION");
        File.Delete(version);
        var mark = _target.SerialLogLength;

        await _target.SetUsbSwitchAsync(true);
        var seen = await _target.WaitForSerialTextAsync("label 'HILDISK' VERSION '2.7.1'", Boot, mark);
        await _target.SetUsbSwitchAsync(false);
        await _target.WaitForSerialTextAsync(": removed", Boot, seen);
        var listing = await QemuTestEnvironment.RunAsync("mdir", "-i", _target.HostDiskPath, "::");

        Assert.Multiple(() =>
        {
            Assert.That(_target.UsbSwitchToTarget, Is.False);
            Assert.That(listing, Does.Contain("VERSION"));
        });
    }

    [Test]
    [Order(8)]
    public async Task Reset_reboots_to_grub_and_both_reset_events_are_counted()
    {
        var resets = _target.ResetEvents;
        var mark = _target.SerialLogLength;

        await _target.PowerAsync(VirtualPowerAction.Reset);
        await _target.WaitForSerialTextAsync("Power off", Boot, mark);

        // QEMU reports the host's reset, then SeaBIOS resets the machine once more on its way up.
        Assert.That(() => _target.ResetEvents, Is.GreaterThanOrEqualTo(resets + 2).After(5000, 20));
        Assert.That(_target.PoweredOn, Is.True);
    }

    [Test]
    [Order(9)]
    public async Task Power_off_shows_no_signal_and_power_on_cold_boots_to_grub()
    {
        await _target.PowerAsync(VirtualPowerAction.Off);
        using (var frame = await _target.Display.ReadFrameAsync())
        {
            Assert.Multiple(() =>
            {
                Assert.That(_target.PoweredOn, Is.False);
                Assert.That(_target.UsbEnumerated, Is.False);
                Assert.That(frame.Pixels.ToArray(), Has.All.EqualTo((byte)0), "no signal while off");
            });
        }

        var mark = _target.SerialLogLength;
        await _target.PowerAsync(VirtualPowerAction.On);
        await _target.WaitForSerialTextAsync("Power off", Boot, mark);

        Assert.That(_target.PoweredOn, Is.True);
    }

    [Test]
    [Order(10)]
    public async Task The_grub_power_off_entry_halts_the_guest_and_power_on_boots_it_again()
    {
        await UsKeyboard.PressAsync(_target, UsKeyboard.Down, times: 4);
        await UsKeyboard.PressAsync(_target, UsKeyboard.Enter);
        Assert.That(() => _target.PoweredOn, Is.False.After(20000, 50), "the guest's power-off was not seen");

        var mark = _target.SerialLogLength;
        await _target.PowerAsync(VirtualPowerAction.On);
        await _target.WaitForSerialTextAsync("Power off", Boot, mark);

        Assert.That(_target.PoweredOn, Is.True);
    }

    [Test]
    [Order(11)]
    public async Task Recovery_mode_boots_with_a_visibly_different_banner_and_prompt()
    {
        var mark = _target.SerialLogLength;
        await UsKeyboard.PressAsync(_target, UsKeyboard.Down);
        await UsKeyboard.PressAsync(_target, UsKeyboard.Enter);
        var booted = await _target.WaitForSerialTextAsync("boot complete (mode recovery)", Boot, mark);
        await _target.WaitForSerialTextAsync("hil-target login:", Boot, booted);

        await ReadScreenUntilAsync("login:");
        await UsKeyboard.TypeAsync(_target, "root\n");
        await ReadScreenUntilAsync("Password");
        await UsKeyboard.TypeAsync(_target, "hil\n");
        await _target.WaitForSerialTextAsync("root login on 'tty1'", Boot, booted);
        await UsKeyboard.TypeAsync(_target, "echo PROMPT-CHECK\n");
        var screen = await ReadScreenUntilAsync("PROMPT-CHECK");

        Assert.Multiple(() =>
        {
            Assert.That(_target.ReadSerialLog(mark), Does.Contain("*** RECOVERY MODE ***"));
            Assert.That(screen, Does.Contain("RECOVERY MODE").And.Contain("(recovery)"));
        });
    }

    [Test]
    [Order(12)]
    public async Task Caps_lock_presses_toggle_the_inferred_led()
    {
        var changes = new List<byte>();
        _target.LedsChanged += (_, leds) => changes.Add(leds);
        var before = _target.Leds;

        await UsKeyboard.PressAsync(_target, 0x39);
        var after = _target.Leds;
        await UsKeyboard.PressAsync(_target, 0x39);

        Assert.Multiple(() =>
        {
            Assert.That(after, Is.EqualTo(before ^ 0x02));
            Assert.That(_target.Leds, Is.EqualTo(before));
            Assert.That(changes, Has.Count.EqualTo(2));
        });
    }

    /// <summary>
    /// Reads the screen until it shows <paramref name="text"/> (20 s at most). GRUB mirrors its menu on ttyS0 before
    /// the slower VGA console finishes drawing, so a serial sighting does not mean the screen shows it yet.
    /// </summary>
    private async Task<string> ReadScreenUntilAsync(string text)
    {
        var watch = Stopwatch.StartNew();
        string screen;
        do
        {
            screen = await QemuTestEnvironment.ReadScreenAsync(_target);
        }
        while (!screen.Contains(text, StringComparison.Ordinal) && watch.Elapsed < TimeSpan.FromSeconds(20));

        return screen;
    }
}
