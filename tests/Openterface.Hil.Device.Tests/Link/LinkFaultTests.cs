using Openterface.Hil.Protocol;

namespace Openterface.Hil.Device.Tests;

[TestFixture]
public sealed class LinkFaultTests
{
    [Test]
    public async Task Garbage_before_a_reply_is_skipped_without_a_retry()
    {
        await using var rig = await MemoryRig.StartAsync();
        var before = rig.Emulator.Requests.Count;
        rig.Emulator.Faults.GarbageBeforeReplies = 1;

        var info = await rig.Kvm.GetInfoAsync();

        Assert.Multiple(() =>
        {
            Assert.That(info.VersionText, Is.EqualTo("1.8"));
            Assert.That(rig.Emulator.Requests, Has.Count.EqualTo(before + 1));
        });
    }

    [Test]
    public async Task Reply_with_a_wrong_checksum_is_retried()
    {
        await using var rig = await MemoryRig.StartAsync();
        var before = rig.Emulator.Requests.Count;
        rig.Emulator.Faults.CorruptReplies = 1;

        await rig.Kvm.GetInfoAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rig.Emulator.Requests, Has.Count.EqualTo(before + 2));
            Assert.That(rig.Kvm.Transcript, Has.Some.StartsWith("RX !!").And.Contains("checksum"));
        });
    }

    [TestCase(Ch9329Status.Timeout)]
    [TestCase(Ch9329Status.BadChecksum)]
    public async Task Transient_error_reply_is_retried(Ch9329Status status)
    {
        await using var rig = await MemoryRig.StartAsync();
        rig.Emulator.Faults.ErrorReplyNext(status);

        await rig.Kvm.Keyboard.PressAsync("a");

        Assert.That(rig.Target.Text, Is.EqualTo("a"));
    }

    [Test]
    public async Task Parameter_error_reply_surfaces_as_a_protocol_error_naming_the_status()
    {
        await using var rig = await MemoryRig.StartAsync();
        rig.Emulator.Faults.ErrorReplyNext(Ch9329Status.BadParameter);

        var error = Assert.ThrowsAsync<ProtocolException>(() => rig.Kvm.GetInfoAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Status, Is.EqualTo(Ch9329Status.BadParameter));
            Assert.That(error.Message, Does.Contain("'E5'"));
        });
    }

    [Test]
    public async Task Missing_reply_is_retried_and_the_command_is_sent_again()
    {
        await using var rig = await MemoryRig.StartAsync();
        var before = rig.Emulator.Requests.Count;
        rig.Emulator.Faults.IgnoreRequests = 1;

        await rig.Kvm.GetInfoAsync();

        Assert.That(rig.Emulator.Requests, Has.Count.EqualTo(before + 1), "the ignored request never reached the chip; the retry did");
    }

    [Test]
    public async Task No_reply_at_all_fails_with_a_transient_device_error_naming_the_command()
    {
        await using var rig = await MemoryRig.StartAsync(o => o.MaxRetries = 1);
        rig.Emulator.Faults.IgnoreRequests = 100;

        var error = Assert.ThrowsAsync<NoReplyException>(() => rig.Kvm.GetInfoAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(error.IsTransient, Is.True);
            Assert.That(error.Message, Does.Contain("GetInfo").And.Contain("100ms"));
        });
    }

    [Test]
    public async Task A_silent_chip_opens_the_circuit_breaker_with_a_zombie_remedy()
    {
        await using var rig = await MemoryRig.StartAsync(o =>
        {
            o.MaxRetries = 1;
            o.BreakAfterTimeouts = 4;
            o.ReplyTimeout = TimeSpan.FromMilliseconds(30);
        });
        rig.Emulator.Faults.Zombie = true;

        DeviceException? last = null;
        for (var i = 0; i < 4 && last is not { IsTransient: false }; i++)
        {
            last = Assert.CatchAsync<DeviceException>(() => rig.Kvm.GetInfoAsync());
        }

        Assert.Multiple(() =>
        {
            Assert.That(last!.IsTransient, Is.False);
            Assert.That(last.Message, Does.Contain("stopped answering").And.Contain("factory-reset"));
        });
    }

    [Test]
    public async Task Zombie_chip_answers_again_after_a_factory_reset_by_command_and_comes_back_at_9600()
    {
        await using var rig = await MemoryRig.StartAsync(o => o.ReplyTimeout = TimeSpan.FromMilliseconds(50));
        rig.Emulator.Faults.Zombie = true;
        Assert.CatchAsync<DeviceException>(() => rig.Kvm.GetInfoAsync());

        await rig.Kvm.FactoryResetAsync();
        var info = await rig.Kvm.GetInfoAsync();

        Assert.Multiple(() =>
        {
            Assert.That(info.TargetEnumerated, Is.True);
            Assert.That(rig.Emulator.BaudRate, Is.EqualTo(9600));
            Assert.That(rig.Kvm.BaudRate, Is.EqualTo(9600));
        });
    }

    [Test]
    public async Task Late_reply_after_a_retry_does_not_duplicate_a_keystroke_on_the_target()
    {
        await using var rig = await MemoryRig.StartAsync(o =>
        {
            o.ReplyTimeout = TimeSpan.FromMilliseconds(60);
            o.Pacing = KeyPacing.None with { Window = 1 };
        });
        rig.Emulator.Faults.DelayNextReply(TimeSpan.FromMilliseconds(150));

        await rig.Kvm.Keyboard.TypeAsync("ab");

        var pressesOfA = rig.Target.KeyboardStates.Count(s => s.Usages.SequenceEqual(new byte[] { (byte)HidUsage.A }));
        Assert.Multiple(() =>
        {
            Assert.That(pressesOfA, Is.EqualTo(2), "the press of 'a' reached the target twice (original and retry)");
            Assert.That(rig.Target.Text, Is.EqualTo("ab"), "full-state reports are idempotent: the repeat is not a second keystroke");
            Assert.That(rig.Target.AllKeysReleased, Is.True);
        });
    }

    [Test]
    public async Task Unsolicited_GET_INFO_after_an_LED_change_updates_LastInfo_and_is_not_taken_for_a_reply()
    {
        await using var rig = await MemoryRig.StartAsync(chip: new Simulator.Ch9329EmulatorOptions { UnsolicitedInfoOnLedChange = true });
        var pushed = new TaskCompletionSource<Ch9329Frame>(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Kvm.Link.UnsolicitedFrame += f => pushed.TrySetResult(f);

        await rig.Kvm.Keyboard.PressAsync("capslock");
        var frame = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.That(frame.Code, Is.EqualTo(0x81));
            Assert.That(rig.Kvm.LastInfo!.Leds, Is.EqualTo(LockLeds.CapsLock));
            Assert.That(rig.Target.AllKeysReleased, Is.True);
        });
    }

    [Test]
    public async Task Custom_HID_data_from_the_target_arrives_as_an_unsolicited_0x87_frame()
    {
        await using var rig = await MemoryRig.StartAsync();
        var pushed = new TaskCompletionSource<Ch9329Frame>(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Kvm.Link.UnsolicitedFrame += f => pushed.TrySetResult(f);

        await rig.Emulator.SendCustomHidToHostAsync(new byte[] { 1, 2, 3 });
        var frame = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.That((frame.Command, frame.Data.ToArray()), Is.EqualTo((Ch9329Command.ReadCustomHid, new byte[] { 1, 2, 3 })));
    }
}
