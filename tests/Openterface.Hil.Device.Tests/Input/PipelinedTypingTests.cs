using Openterface.Hil.Protocol;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.Device.Tests;

/// <summary>Keyboard reports pipelined <see cref="KeyPacing.Window"/> deep: order, window bound and faults.</summary>
[TestFixture]
public sealed class PipelinedTypingTests
{
    [Test]
    public async Task Typing_10000_characters_over_a_pty_with_dropped_corrupt_and_late_ACKs_arrives_byte_exact_with_nothing_held()
    {
        await using var rig = await PtyRig.StartAsync(o => o.ReplyTimeout = TimeSpan.FromMilliseconds(150));
        rig.Emulator.Faults.Schedule = new ReplyFaultSchedule(DropEvery: 401, CorruptEvery: 503, LateEvery: 607, LateBy: TimeSpan.FromMilliseconds(300));
        var text = PtyTypingTests.MixedText(10_000, seed: 18);

        await rig.Kvm.Keyboard.TypeAsync(text);

        var resends = rig.Emulator.Requests.Count(f => f.Command == Ch9329Command.SendKeyboard) - (2 * text.Length) - 1;
        Assert.Multiple(() =>
        {
            Assert.That(rig.Target.Text, Is.EqualTo(text), "every keystroke exactly once, in order");
            Assert.That(rig.Target.AllKeysReleased, Is.True, "no key held at the end");
            Assert.That(resends, Is.GreaterThan(20), "the faults fired and the current state was sent again after each");
        });
        await TestContext.Out.WriteLineAsync($"current-state resends after faulted ACKs: {resends}");
    }

    [TestCase(1)]
    [TestCase(4)]
    [TestCase(8)]
    public async Task At_most_window_reports_are_unacknowledged_and_the_window_is_filled(int window)
    {
        await using var rig = await MemoryRig.StartAsync(o => o.Pacing = KeyPacing.None with { Window = window });
        var replies = 0;
        var outstanding = new List<int>();
        var inner = rig.Emulator.Output!;
        rig.Emulator.Output = (bytes, ct) =>
        {
            lock (outstanding)
            {
                outstanding.Add(rig.Emulator.Requests.Count(f => f.Command == Ch9329Command.SendKeyboard) - replies);
                replies++;
            }

            return inner(bytes, ct);
        };
        replies = rig.Emulator.Requests.Count(f => f.Command == Ch9329Command.SendKeyboard);
        rig.Emulator.Faults.ReplyDelay = TimeSpan.FromMilliseconds(15);

        await rig.Kvm.Keyboard.TypeAsync("pipelined keys");

        Assert.Multiple(() =>
        {
            Assert.That(outstanding.Max(), Is.EqualTo(window), "reports on the wire before the oldest ACK");
            Assert.That(rig.Target.Text, Is.EqualTo("pipelined keys"));
            Assert.That(rig.Target.AllKeysReleased, Is.True);
        });
    }

    [Test]
    public async Task Reports_reach_the_chip_in_order_as_press_release_pairs_with_no_resend()
    {
        await using var rig = await MemoryRig.StartAsync(o => o.Pacing = KeyPacing.None with { Window = 8 });
        var before = rig.Emulator.Requests.Count;

        await rig.Kvm.Keyboard.TypeAsync("aAbB");

        var sent = rig.Emulator.Requests.Skip(before).Select(f => KeyboardReport.Parse(f.Data)).ToList();
        var expected = new[]
        {
            new KeyboardReport(KeyModifiers.None, [(byte)HidUsage.A]), KeyboardReport.Released,
            new KeyboardReport(KeyModifiers.LeftShift, [(byte)HidUsage.A]), KeyboardReport.Released,
            new KeyboardReport(KeyModifiers.None, [(byte)HidUsage.B]), KeyboardReport.Released,
            new KeyboardReport(KeyModifiers.LeftShift, [(byte)HidUsage.B]), KeyboardReport.Released,
        };
        Assert.That(sent, Is.EqualTo(expected));
    }

    [Test]
    public async Task A_dropped_ACK_in_the_window_resends_the_current_state_not_the_old_press()
    {
        await using var rig = await MemoryRig.StartAsync(o => o.Pacing = KeyPacing.None with { Window = 4 });
        var before = rig.Emulator.Requests.Count;
        rig.Emulator.Faults.DropReplies = 1;

        await rig.Kvm.Keyboard.TypeAsync("ab");

        var sent = rig.Emulator.Requests.Skip(before).Select(f => KeyboardReport.Parse(f.Data)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rig.Target.Text, Is.EqualTo("ab"), "the press of 'a' went through; only its ACK was lost");
            Assert.That(sent, Has.Count.EqualTo(5), "four reports and one resend of the current (released) state");
            Assert.That(sent[^1].IsReleased, Is.True);
            Assert.That(rig.Target.AllKeysReleased, Is.True);
        });
    }

    [Test]
    public async Task A_rejected_press_with_only_its_release_after_it_is_sent_again_in_order()
    {
        await using var rig = await MemoryRig.StartAsync(o => o.Pacing = KeyPacing.None with { Window = 2 });
        rig.Emulator.Faults.ErrorReplyNext(Ch9329Status.BadChecksum);

        await rig.Kvm.Keyboard.TypeAsync("abc");

        Assert.Multiple(() =>
        {
            Assert.That(rig.Target.Text, Is.EqualTo("abc"));
            Assert.That(rig.Target.AllKeysReleased, Is.True);
        });
    }

    [Test]
    public async Task A_rejected_press_after_which_later_presses_went_out_fails_loudly_and_never_reorders()
    {
        await using var rig = await MemoryRig.StartAsync(o => o.Pacing = KeyPacing.None with { Window = 4 });
        rig.Emulator.Faults.ErrorReplyNext(Ch9329Status.BadChecksum);

        var error = Assert.ThrowsAsync<DeviceException>(() => rig.Kvm.Keyboard.TypeAsync("abc"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.IsTransient, Is.False);
            Assert.That(error.Message, Does.Contain("rejected keyboard report 1 of 6").And.Contain("reorder"));
            Assert.That(rig.Target.Text, Does.Not.Contain("a"), "'a' was not resent after 'b'");
            Assert.That(rig.Target.AllKeysReleased, Is.True);
        });
    }
}
