using Openterface.Hil.Protocol;

namespace Openterface.Hil.Device.Tests;

[TestFixture]
public sealed class KeyboardTests
{
    /// <summary>Connect sends one all-zero keyboard report (release-all) before anything else.</summary>
    private const int ReleasedAtConnect = 1;

    [Test]
    public async Task Press_sends_the_chord_then_releases_it()
    {
        await using var rig = await MemoryRig.StartAsync();

        await rig.Kvm.Keyboard.PressAsync("ctrl+alt+delete");

        var states = rig.Target.KeyboardStates.Skip(ReleasedAtConnect).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(states[0].Modifiers, Is.EqualTo(KeyModifiers.LeftCtrl | KeyModifiers.LeftAlt));
            Assert.That(states[0].Usages, Is.EqualTo(new[] { (byte)HidUsage.Delete }));
            Assert.That(rig.Target.AllKeysReleased, Is.True);
            Assert.That(rig.Target.OtherKeys, Is.EqualTo(new[] { "ctrl+alt+delete" }));
        });
    }

    [Test]
    public async Task Down_holds_keys_across_calls_and_up_releases_only_its_own()
    {
        await using var rig = await MemoryRig.StartAsync();

        await rig.Kvm.Keyboard.DownAsync("shift");
        await rig.Kvm.Keyboard.PressAsync("a");
        await rig.Kvm.Keyboard.DownAsync("b");
        await rig.Kvm.Keyboard.UpAsync("shift");
        var held = rig.Target.KeyboardStates[^1];
        await rig.Kvm.Keyboard.UpAsync("b");

        Assert.Multiple(() =>
        {
            Assert.That(rig.Target.Text, Is.EqualTo("AB"));
            Assert.That(held, Is.EqualTo((KeyModifiers.None, new[] { (byte)HidUsage.B })).Using<(KeyModifiers, byte[])>((x, y) => x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2)));
            Assert.That(rig.Target.AllKeysReleased, Is.True);
        });
    }

    [Test]
    public async Task Type_with_a_layout_types_what_that_target_layout_shows()
    {
        await using var rig = await MemoryRig.StartAsync(layout: KeyboardLayout.De);

        await rig.Kvm.Keyboard.TypeAsync("Größe: 5€ @ ^ â", KeyboardLayout.De);

        Assert.That(rig.Target.Text, Is.EqualTo("Größe: 5€ @ ^ â"));
    }

    [Test]
    public async Task Untypeable_character_fails_before_any_key_is_sent()
    {
        await using var rig = await MemoryRig.StartAsync();
        var before = rig.Target.KeyboardStates.Count;

        var error = Assert.ThrowsAsync<ArgumentException>(() => rig.Kvm.Keyboard.TypeAsync("abc\u263A"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("U+263A").And.Contain("'us'"));
            Assert.That(rig.Target.KeyboardStates, Has.Count.EqualTo(before));
        });
    }

    [Test]
    public async Task Unknown_key_name_fails_with_suggestions_and_sends_nothing()
    {
        await using var rig = await MemoryRig.StartAsync();

        var error = Assert.ThrowsAsync<ArgumentException>(() => rig.Kvm.Keyboard.PressAsync("ctrl+delet"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("'delete'"));
            Assert.That(rig.Target.KeyboardStates, Has.Count.EqualTo(ReleasedAtConnect), "only the release-all sent at connect");
        });
    }

    [Test]
    public async Task Secret_typing_leaves_no_keyboard_payload_in_the_transcript()
    {
        await using var rig = await MemoryRig.StartAsync();

        await rig.Kvm.Keyboard.TypeAsync("hunter2", secret: true);
        await rig.Kvm.Keyboard.TypeAsync("x");

        var keyboardLines = rig.Kvm.Transcript.Where(l => l.StartsWith("TX 57 AB 00 02 08", StringComparison.Ordinal)).Skip(ReleasedAtConnect).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rig.Target.Text, Is.EqualTo("hunter2x"));
            Assert.That(keyboardLines.Take(14), Has.All.EndsWith("** ** ** ** ** ** ** ** **"));
            Assert.That(keyboardLines[14], Is.EqualTo("TX 57 AB 00 02 08 00 00 1B 00 00 00 00 00 27"), "normal typing after the secret is visible again");
        });
    }

    [Test]
    public async Task Cancelling_a_typing_run_releases_every_key()
    {
        await using var rig = await MemoryRig.StartAsync(o => o.Pacing = new KeyPacing { Hold = TimeSpan.FromMilliseconds(2), Gap = TimeSpan.FromMilliseconds(2) });
        using var cancel = new CancellationTokenSource();
        var typing = rig.Kvm.Keyboard.TypeAsync(new string('x', 5000), cancellationToken: cancel.Token);
        while (rig.Target.KeyboardStates.Count < 10)
        {
            await Task.Yield();
        }

        await cancel.CancelAsync();

        Exception? caught = null;
        try
        {
            await typing;
        }
        catch (OperationCanceledException e)
        {
            caught = e;
        }

        Assert.Multiple(() =>
        {
            Assert.That(caught, Is.Not.Null);
            Assert.That(rig.Target.AllKeysReleased, Is.True);
        });
    }

    [Test]
    public async Task Disposing_the_kvm_releases_held_keys_and_buttons()
    {
        var rig = await MemoryRig.StartAsync();
        await rig.Kvm.Keyboard.DownAsync("ctrl+shift+a");
        await rig.Kvm.Mouse.DownAsync(MouseButton.Left);

        await rig.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rig.Target.AllKeysReleased, Is.True);
            Assert.That(rig.Target.PointerEvents[^1], Does.Contain("buttons 0"));
        });
    }

    [Test]
    public async Task Default_pacing_holds_each_key_30ms_and_waits_30ms_after_release()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.Zero);
        await using var rig = await MemoryRig.StartAsync(o =>
        {
            o.Pacing = KeyPacing.Default;
            o.TimeProvider = time;
            o.ReplyTimeout = TimeSpan.FromHours(1);
        });
        var stamps = new List<TimeSpan>();
        var seen = rig.Target.KeyboardStates.Count;
        var typing = rig.Kvm.Keyboard.TypeAsync("ab");
        while (!typing.IsCompleted)
        {
            var states = rig.Target.KeyboardStates.Count;
            while (seen < states)
            {
                stamps.Add(time.Elapsed);
                seen++;
            }

            time.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Delay(1);
        }

        await typing;
        Assert.That(stamps.Select(s => (int)s.TotalMilliseconds).ToArray(), Is.EqualTo(new[] { 0, 30, 60, 90 }).Within(2));
    }

    [Test]
    public async Task Hid_readiness_waits_for_enumeration_and_verifies_the_caps_lock_round_trip()
    {
        await using var rig = await MemoryRig.StartAsync();

        await rig.Kvm.WaitUntilHidReadyAsync(TimeSpan.FromSeconds(5), verifyCapsLockRoundTrip: true);

        Assert.Multiple(() =>
        {
            Assert.That(rig.Target.Leds & 0x02, Is.Zero, "Caps Lock is back to where it was");
            Assert.That(rig.Target.OtherKeys.Count(k => k == "capslock"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Hid_readiness_fails_clearly_when_the_target_never_enumerates()
    {
        await using var rig = await MemoryRig.StartAsync();
        rig.Target.UsbEnumerated = false;

        var error = Assert.ThrowsAsync<DeviceException>(() => rig.Kvm.WaitUntilHidReadyAsync(TimeSpan.FromMilliseconds(300)))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.IsTransient, Is.False);
            Assert.That(error.Message, Does.Contain("not enumerated").And.Contain("target-side USB cable"));
        });
    }
}
