using Openterface.Hil.Tests.Fakes;

namespace Openterface.Hil.Tests.Operator;

/// <summary>The race openQA users hit: "press Enter, then wait for the menu" must never match the pre-press screen.</summary>
public sealed class BarrierTests
{
    [Test]
    public async Task A_wait_right_after_an_input_never_matches_the_pre_input_screen_even_when_the_target_is_slow()
    {
        await using var rig = new FakeRig().Needle("menu", 100, 100);
        await using var hil = rig.Session();
        var before = new Scene("main menu").WithNeedle("menu", 100, 100, 0.99);
        var loading = new Scene("loading");
        var after = new Scene("sub menu").WithNeedle("menu", 100, 100, 0.98);
        rig.Video.Show(before);
        rig.Video.Emit();

        // The target takes 2 s to react, shows a loading screen, and 1.5 s later a screen with the same needle.
        rig.Input.React("enter", TimeSpan.FromSeconds(2), loading);
        await hil.Keyboard.PressAsync("enter");
        rig.Video.ShowAfter(TimeSpan.FromSeconds(3.5), after);
        var match = await hil.Screen.Needle("menu").WaitForAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rig.Video.SceneAt(match.FrameSequence), Is.SameAs(after));
            Assert.That(match.Score, Is.EqualTo(0.98));
            Assert.That(rig.Clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(4.5)));
        });
    }

    [Test]
    public async Task Without_the_change_gate_the_first_frame_after_the_barrier_is_accepted()
    {
        await using var rig = new FakeRig().Needle("menu", 100, 100);
        await using var hil = rig.Session();
        var before = new Scene("main menu").WithNeedle("menu", 100, 100, 0.99);
        rig.Video.Show(before);
        rig.Video.Emit();
        rig.Input.React("enter", TimeSpan.FromSeconds(2), new Scene("loading"));

        await hil.Keyboard.PressAsync("enter");
        var match = await hil.Screen.Needle("menu").WaitForAsync(new ExpectOptions { AfterInputChange = false });

        // Still never the frame current at the press (#1): the first frame captured after it (#2).
        Assert.That(match.FrameSequence, Is.EqualTo(2));
    }

    [Test]
    public async Task A_frame_captured_at_the_moment_of_the_input_is_not_accepted()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("prompt").WithText("login:"));
        rig.Video.Emit();

        await hil.Keyboard.PressAsync("shift");
        var visible = await hil.Screen.Text("login:").IsVisibleAsync();

        Assert.Multiple(() =>
        {
            Assert.That(visible, Is.True);
            Assert.That(rig.Steps.Finished.Last().FrameSequence, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task When_the_screen_never_reacts_the_failure_says_so_and_how_to_opt_out()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("prompt").WithText("login:"));
        rig.Video.Emit();

        await hil.Keyboard.PressAsync("shift");
        var failure = Assert.ThrowsAsync<ExpectationFailedException>(() =>
            hil.Expect(hil.Screen.Text("login:")).ToBeVisibleAsync(new ExpectOptions { Timeout = TimeSpan.FromSeconds(1) }));

        Assert.That(failure!.Message, Is.EqualTo(
            """
            Expect(Text('login:')).ToBeVisibleAsync() failed
            Expected: text 'login:' visible
            Seen: the screen did not change after Press 'shift' (frame #10, 1024x768)
            Timeout: 1s
            Call log:
              - waiting for frames after barrier #1 (Press 'shift')
              - frame #2: same screen as before Press 'shift', waiting for the target to react
              - the screen did not change after Press 'shift'; pass ExpectOptions { AfterInputChange = false } if it should not
            """));
        await hil.Expect(hil.Screen.Text("login:")).ToBeVisibleAsync(new ExpectOptions { AfterInputChange = false });
    }

    [Test]
    public async Task Once_a_change_was_seen_later_waits_accept_the_screen_as_it_is()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("prompt").WithText("login:"));
        rig.Video.Emit();
        rig.Input.React("enter", TimeSpan.FromMilliseconds(300), new Scene("password").WithText("Password:").WithText("Last login: today", 10, 40));

        await hil.Keyboard.PressAsync("enter");
        await hil.Expect(hil.Screen.Text("Password:")).ToBeVisibleAsync();
        var elapsed = rig.Clock.Elapsed;
        await hil.Expect(hil.Screen.Text("Last login")).ToBeVisibleAsync();

        Assert.That(rig.Clock.Elapsed, Is.EqualTo(elapsed), "the newest frame is after the barrier and changed: no waiting");
    }

    [Test]
    public async Task A_blinking_cursor_within_the_tolerance_does_not_count_as_the_target_reacting()
    {
        await using var rig = new FakeRig().Needle("cursor", 500, 500, width: 2, height: 2);
        await using var hil = rig.Session();
        var plain = new Scene("prompt").WithText("login:");
        rig.Video.Show(plain);
        rig.Video.Emit();
        rig.Input.React("shift", TimeSpan.FromMilliseconds(150), plain.Like("prompt, cursor on").WithNeedle("cursor", 500, 500, 0.5, 2, 2));

        await hil.Keyboard.PressAsync("shift");
        var tolerant = new ExpectOptions { Timeout = TimeSpan.FromSeconds(1), ChangeTolerance = 0.001 };
        var failure = Assert.ThrowsAsync<ExpectationFailedException>(() => hil.Expect(hil.Screen.Text("login:")).ToBeVisibleAsync(tolerant));
        await hil.Expect(hil.Screen.Text("login:")).ToBeVisibleAsync(new ExpectOptions { Timeout = TimeSpan.FromSeconds(1) });

        Assert.That(failure!.Message, Does.Contain("Seen: the screen did not change after Press 'shift'"));
    }
}
