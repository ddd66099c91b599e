using Openterface.Hil.Tests.Fakes;

namespace Openterface.Hil.Tests.Operator;

public sealed class KeyboardTests
{
    [Test]
    public async Task Press_down_up_and_type_reach_the_device_after_the_hid_gate()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session(o => o with { Layout = "de" });

        await hil.Keyboard.PressAsync("ctrl+alt+delete");
        await hil.Keyboard.DownAsync("shift");
        await hil.Keyboard.UpAsync("shift");
        await hil.Keyboard.TypeAsync("root");
        await hil.Keyboard.TypeAsync("x", new TypeOptions { Layout = "fr" });
        await hil.Keyboard.ReleaseAllAsync();

        Assert.That(rig.Input.Actions, Is.EqualTo(new[]
        {
            "hid ready? (plain)", "press ctrl+alt+delete", "down shift", "up shift", "type root (de)", "type x (fr)", "release all",
        }));
        Assert.That(rig.Video.InputNotes, Is.EqualTo(6));
    }

    [Test]
    public async Task Every_action_is_a_step_with_parameters()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();

        await hil.Keyboard.PressAsync("f2");
        await hil.Keyboard.TypeAsync("hello");

        Assert.Multiple(() =>
        {
            Assert.That(rig.Steps.Started.Select(s => s.Name), Is.EqualTo(new[] { "Press 'f2'", "Type 'hello'" }));
            Assert.That(rig.Steps.Started[0].Parameters["chord"], Is.EqualTo("f2"));
            Assert.That(rig.Steps.Started[1].Parameters["text"], Is.EqualTo("hello"));
            Assert.That(rig.Steps.Started.Select(s => s.Kind), Is.All.EqualTo(StepKind.Action));
            Assert.That(rig.Steps.Finished.Select(f => f.Status), Is.All.EqualTo(StepStatus.Passed));
        });
    }

    [Test]
    public async Task Hid_gate_runs_once_and_can_require_a_caps_lock_round_trip()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session(o => o with { VerifyHidWithCapsLock = true });

        await hil.Keyboard.PressAsync("a");
        await hil.Mouse.ScrollAsync(1);

        Assert.That(rig.Input.Actions.Count(a => a.StartsWith("hid ready?", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(rig.Input.Actions[0], Is.EqualTo("hid ready? (caps)"));
    }

    [Test]
    public async Task A_target_that_has_not_enumerated_the_keyboard_is_a_rig_fault_with_evidence()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Input.TargetEnumerated = false;
        rig.Input.Leds = 0x01;

        var fault = Assert.ThrowsAsync<RigFaultException>(() => hil.Keyboard.PressAsync("enter"));

        Assert.Multiple(() =>
        {
            Assert.That(fault!.Message, Is.EqualTo(
                "HID not ready within 10s: the target has not enumerated the Mini-KVM's keyboard. Check that the target's " +
                "USB port is cabled to the Mini-KVM and that the firmware accepts USB keyboards (BIOS 'USB legacy support')."));
            Assert.That(fault.Evidence["target enumerated"], Is.EqualTo("no"));
            Assert.That(fault.Evidence["leds"], Is.EqualTo("0x01 (Num on, Caps off, Scroll off)"));
            Assert.That(fault.Evidence["chip version"], Is.EqualTo("1.4"));
            Assert.That(fault.Evidence["serial transcript"], Does.Contain("57 AB"));
            Assert.That(rig.Input.Actions, Does.Not.Contain("press enter"));
            Assert.That(rig.Steps.Finished.Single().Status, Is.EqualTo(StepStatus.Broken));
        });
    }

    [Test]
    public async Task A_failed_caps_lock_round_trip_is_reported_as_such()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session(o => o with { VerifyHidWithCapsLock = true });
        rig.Input.EchoCapsLock = false;

        var fault = Assert.ThrowsAsync<RigFaultException>(() => hil.Keyboard.PressAsync("enter"));

        Assert.That(fault!.Message, Does.Contain("the target enumerated the keyboard but did not echo the Caps Lock toggle"));
    }

    [Test]
    public async Task A_link_fault_during_a_keystroke_is_a_rig_fault_and_releases_all_keys()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        await hil.Keyboard.DownAsync("shift");
        rig.Input.FailNext = new IOException("write failed: device gone");

        var fault = Assert.ThrowsAsync<RigFaultException>(() => hil.Keyboard.PressAsync("a"));

        Assert.Multiple(() =>
        {
            Assert.That(fault!.Message, Is.EqualTo(
                "The Mini-KVM failed during Press 'a': write failed: device gone Check the USB cable and the serial port; " +
                "'hil info' shows the link state."));
            Assert.That(fault.InnerException, Is.TypeOf<IOException>());
            Assert.That(fault.Evidence["action"], Is.EqualTo("Press 'a'"));
            Assert.That(rig.Input.Actions.Last(), Is.EqualTo("release all"));
        });
    }

    [Test]
    public async Task A_typo_in_a_chord_is_an_argument_error_suggesting_the_key_before_anything_is_sent()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Input.TargetEnumerated = false;

        var error = Assert.ThrowsAsync<ArgumentException>(() => hil.Keyboard.PressAsync("entr"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("'enter'"));
            Assert.That(rig.Input.Actions, Is.Empty, "no HID readiness wait, no key sent");
            Assert.That(rig.Steps.Started, Is.Empty, "no step opened");
        });
    }

    [Test]
    public async Task Unknown_keys_and_layouts_fail_early_for_every_keyboard_call()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Input.TargetEnumerated = false;

        Assert.Multiple(() =>
        {
            Assert.ThrowsAsync<ArgumentException>(() => hil.Keyboard.DownAsync("shfit"));
            Assert.ThrowsAsync<ArgumentException>(() => hil.Keyboard.UpAsync("ctlr+c"));
            Assert.ThrowsAsync<ArgumentException>(() => hil.Keyboard.TypeAsync("abc", new TypeOptions { Layout = "xx" }));
            Assert.ThrowsAsync<ArgumentException>(() => hil.Keyboard.PressUntilAsync("dwon", hil.Screen.Text("x")));
            Assert.That(rig.Input.Actions, Is.Empty);
        });
    }

    [Test]
    public async Task Cancellation_during_typing_releases_all_keys_and_stays_a_cancellation()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        using var cancel = new CancellationTokenSource();
        rig.Input.OnInput = action =>
        {
            if (action.StartsWith("type", StringComparison.Ordinal))
            {
                cancel.Cancel();
            }
        };

        Assert.CatchAsync<OperationCanceledException>(() => hil.Keyboard.TypeAsync("long text", cancellationToken: cancel.Token));

        Assert.That(rig.Input.Actions.Last(), Is.EqualTo("release all"));
    }

    [Test]
    public async Task Disposing_the_session_releases_all_keys_and_closes_the_rig()
    {
        var rig = new FakeRig();
        var hil = rig.Session();
        await hil.Keyboard.DownAsync("ctrl");

        await hil.DisposeAsync();
        await hil.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rig.Input.Actions.Count(a => a == "release all"), Is.EqualTo(1));
            Assert.That(rig.Disposed, Is.True);
        });
    }

    [Test]
    public async Task Press_until_presses_until_the_locator_shows_and_stops_there()
    {
        await using var rig = new FakeRig().Needle("item-3", 100, 100);
        await using var hil = rig.Session();
        var menu = new[] { new Scene("item 1"), new Scene("item 2"), new Scene("item 3").WithNeedle("item-3", 100, 100, 0.99) };
        rig.Video.Show(menu[0]);
        var index = 0;
        rig.Input.OnInput = action =>
        {
            if (action == "press down" && index < menu.Length - 1)
            {
                rig.Video.ShowAfter(TimeSpan.FromMilliseconds(250), menu[++index]);
            }
        };

        var match = await hil.Keyboard.PressUntilAsync("down", hil.Screen.Needle("item-3"), maxPresses: 5);

        Assert.Multiple(() =>
        {
            Assert.That(rig.Input.Actions.Count(a => a == "press down"), Is.EqualTo(2));
            Assert.That(match.Score, Is.EqualTo(0.99));
            Assert.That(rig.Video.SceneAt(match.FrameSequence), Is.SameAs(menu[2]));
        });
    }

    [Test]
    public async Task Press_until_does_not_press_when_the_locator_is_already_visible()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("ready").WithText("Install"));

        await hil.Keyboard.PressUntilAsync("down", hil.Screen.Text("install"));

        Assert.That(rig.Input.Actions, Is.Empty);
    }

    [Test]
    public async Task Press_until_failure_lists_every_attempt_verbatim()
    {
        await using var rig = new FakeRig().Needle("item-9", 100, 100);
        await using var hil = rig.Session();
        var screens = new[] { new Scene("1").WithNeedle("item-9", 100, 100, 0.5), new Scene("2").WithNeedle("item-9", 100, 100, 0.6) };
        rig.Video.Show(screens[0]);
        rig.Input.React("down", TimeSpan.FromMilliseconds(150), screens[1]);

        var failure = Assert.ThrowsAsync<ExpectationFailedException>(() => hil.Keyboard.PressUntilAsync(
            "down", hil.Screen.Needle("item-9"), maxPresses: 2, new PressUntilOptions { WaitAfterPress = TimeSpan.FromMilliseconds(500) }));

        Assert.That(failure!.Message, Is.EqualTo(
            """
            Keyboard.PressUntilAsync('down', Needle('item-9')) failed
            Expected: needle 'item-9' visible within 2 presses of 'down'
            Seen: the screen did not change after Press 'down' (frame #9, 1024x768)
            Timeout: 500ms per press
            Call log:
              - before pressing: frame #1: best 0.50 at 100,100
              - press 1 of 2: frame #2: same screen as before Press 'down', waiting for the target to react
              - press 1 of 2: frame #3: best 0.60 at 100,100 (near recorded position)
              - press 1 of 2: frame #4: best 0.60 at 100,100 (whole frame)
              - press 2 of 2: frame #6: same screen as before Press 'down', waiting for the target to react
              - press 2 of 2: the screen did not change after Press 'down'; pass ExpectOptions { AfterInputChange = false } if it should not
            """));
    }
}
