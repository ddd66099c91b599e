using Openterface.Hil.Simulator;

namespace Openterface.Hil.Device.Tests;

/// <summary>The real byte path: termios on a /dev/pts slave, the emulator on the master.</summary>
[TestFixture]
public sealed class PtyLinkTests
{
    [Test]
    public async Task Port_vanishing_mid_type_fails_clearly_and_no_key_is_held_after_reconnect_on_a_new_path()
    {
        await using var rig = await PtyRig.StartAsync(o => o.Pacing = new KeyPacing { Hold = TimeSpan.FromMilliseconds(1), Gap = TimeSpan.FromMilliseconds(1) });
        var reconnected = new TaskCompletionSource<LinkStateChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Kvm.LinkStateChanged += (_, e) =>
        {
            if (e.State == LinkState.Connected)
            {
                reconnected.TrySetResult(e);
            }
        };
        var oldPath = rig.Server.Path;
        var typing = rig.Kvm.Keyboard.TypeAsync(new string('q', 3000));
        while (rig.Target.KeyboardStates.Count < 20)
        {
            await Task.Delay(1);
        }

        await rig.Server.UnplugAsync();
        // Whatever was held on the target when the cable went: shift+q stuck down.
        await rig.Target.KeyboardStateAsync(0x02, new byte[] { 0x14 });
        await rig.Server.ReplugAsync();

        DeviceException? error = null;
        try
        {
            await typing;
        }
        catch (DeviceException e)
        {
            error = e;
        }

        var back = await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await rig.Kvm.Keyboard.TypeAsync("ok");

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Not.Null, "typing across an unplug must not silently succeed");
            Assert.That(error!.Message, Does.Contain("Typing failed").Or.Contain("dropped and came back"));
            Assert.That(back.SerialUri, Is.EqualTo(rig.Server.Path));
            Assert.That(rig.Kvm.SerialUri, Is.EqualTo(rig.Server.Path));
            Assert.That(rig.Target.Text, Does.EndWith("ok"));
            Assert.That(rig.Target.AllKeysReleased, Is.True);
        });
        await TestContext.Out.WriteLineAsync($"{oldPath} -> {rig.Server.Path}: {error.Message}");
    }

    [Test]
    public async Task Baud_probe_falls_back_to_9600_when_the_chip_is_at_factory_speed()
    {
        await using var rig = await PtyRig.StartAsync(chip: new Ch9329EmulatorOptions { BaudRate = 9600 });

        Assert.Multiple(() =>
        {
            Assert.That(rig.Kvm.BaudRate, Is.EqualTo(9600));
            Assert.That(rig.Kvm.Transcript.Count(l => l == "TX 57 AB 00 01 00 03"), Is.GreaterThanOrEqualTo(3), "115200 was tried first");
        });
    }

    [Test]
    public async Task Baud_change_writes_the_parameter_block_resets_and_reopens_at_the_new_speed()
    {
        await using var rig = await PtyRig.StartAsync(chip: new Ch9329EmulatorOptions { BaudRate = 9600 });

        await rig.Kvm.ChangeBaudRateAsync(115200);
        var info = await rig.Kvm.GetInfoAsync();
        var block = await rig.Kvm.GetParametersAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rig.Emulator.BaudRate, Is.EqualTo(115200));
            Assert.That(rig.Emulator.Resets, Is.EqualTo(1));
            Assert.That(rig.Kvm.BaudRate, Is.EqualTo(115200));
            Assert.That(block.BaudRate, Is.EqualTo(115200));
            Assert.That(info.TargetEnumerated, Is.True);
        });
    }

    [Test]
    public async Task Tcp_uri_reaches_the_emulator_like_ser2net()
    {
        var target = new RecordingTarget();
        var emulator = new Ch9329Emulator(target);
        await using var server = new TcpCh9329Server(emulator);
        await using var kvm = await MiniKvm.ConnectAsync(server.Uri, new MiniKvmOptions { Pacing = KeyPacing.None, HeartbeatInterval = TimeSpan.Zero });

        await kvm.Keyboard.TypeAsync("Hello, TCP!");

        Assert.Multiple(() =>
        {
            Assert.That(target.Text, Is.EqualTo("Hello, TCP!"));
            Assert.That(server.Uri, Does.StartWith("tcp://127.0.0.1:"));
        });
    }

    [Test]
    public void Missing_port_path_is_a_device_not_found_error_with_a_remedy()
    {
        var error = Assert.ThrowsAsync<DeviceNotFoundException>(() => MiniKvm.ConnectAsync("/dev/ttyUSB-does-not-exist"))!;
        Assert.That(error.Message, Does.Contain("'/dev/ttyUSB-does-not-exist'").And.Contain("auto"));
    }

    [Test]
    public async Task Second_open_of_the_same_port_is_refused_while_the_first_holds_it()
    {
        await using var rig = await PtyRig.StartAsync();

        var error = Assert.CatchAsync<DeviceException>(() => MiniKvm.ConnectAsync(rig.Server.Path, new MiniKvmOptions { HeartbeatInterval = TimeSpan.Zero }))!;

        Assert.That(error.Message, Does.Contain("locked by another process").Or.Contain("busy"));
    }
}
