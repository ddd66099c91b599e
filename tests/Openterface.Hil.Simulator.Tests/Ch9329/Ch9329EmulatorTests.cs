using Openterface.Hil.Protocol;

namespace Openterface.Hil.Simulator.Tests;

/// <summary>The emulator at protocol level: frames in, frames out, effects on the recording target.</summary>
[TestFixture]
public sealed class Ch9329EmulatorTests
{
    private RecordingTarget _target = null!;
    private Ch9329Emulator _chip = null!;
    private List<Ch9329Frame> _replies = null!;
    private Ch9329FrameDecoder _decoder = null!;

    [SetUp]
    public void Create() => Create(Ch9329EmulatorOptions.Gen1);

    [TearDown]
    public async Task Dispose() => await _target.DisposeAsync();

    private void Create(Ch9329EmulatorOptions options)
    {
        _target = new RecordingTarget();
        _chip = new Ch9329Emulator(_target, options);
        _replies = [];
        _decoder = new Ch9329FrameDecoder();
        _chip.Output = (bytes, _) =>
        {
            _decoder.Append(bytes.Span);
            while (_decoder.TryRead(out var frame))
            {
                _replies.Add(frame);
            }

            return ValueTask.CompletedTask;
        };
    }

    private async Task<Ch9329Frame> SendAsync(Ch9329Frame request)
    {
        var before = _replies.Count;
        await _chip.ReceiveAsync(request.ToBytes());
        Assert.That(_replies, Has.Count.EqualTo(before + 1), $"one reply to {request}");
        return _replies[^1];
    }

    [Test]
    public async Task Get_info_reports_version_enumeration_and_target_leds()
    {
        await _target.KeyboardStateAsync(0, new byte[] { (byte)HidUsage.NumLock });
        var reply = await SendAsync(Ch9329Requests.GetInfo());
        Assert.That(reply.ToString(), Is.EqualTo("57 AB 00 81 08 38 01 01 00 00 00 00 00 C5"));
    }

    [Test]
    public async Task Keyboard_report_with_modifiers_in_the_key_array_is_folded_into_bits()
    {
        var reply = await SendAsync(Ch9329Requests.Keyboard(new KeyboardReport(KeyModifiers.LeftCtrl, [0xE2, (byte)HidUsage.Delete])));

        Assert.Multiple(() =>
        {
            Assert.That(reply.ToString(), Is.EqualTo("57 AB 00 82 01 00 85"));
            Assert.That(_target.KeyboardStates[0].Modifiers, Is.EqualTo(KeyModifiers.LeftCtrl | KeyModifiers.LeftAlt));
            Assert.That(_target.KeyboardStates[0].Usages, Is.EqualTo(new[] { (byte)HidUsage.Delete }));
        });
    }

    [Test]
    public async Task Mouse_reports_reach_the_target_with_a_signed_wheel_and_bad_mode_bytes_are_acked_without_effect()
    {
        await SendAsync(Ch9329Requests.MouseAbsolute(100, 200, MouseButton.Left, -2));
        await SendAsync(Ch9329Requests.MouseRelative(-3, 5, MouseButton.Right, 1));
        var noMode = await SendAsync(new Ch9329Frame(Ch9329Command.SendMouseAbsolute, [0x00, 0, 0, 8, 0, 8, 0]));

        Assert.Multiple(() =>
        {
            Assert.That(_target.PointerEvents, Is.EqualTo(new[] { "abs 100,200 buttons 1 wheel -2", "rel -3,5 buttons 2 wheel 1" }));
            Assert.That(noMode.Status, Is.EqualTo(Ch9329Status.Success));
        });
    }

    [Test]
    public async Task Parameter_block_changes_take_effect_only_after_reset()
    {
        var block = ParameterBlock.Openterface(9600);
        await SendAsync(Ch9329Requests.SetParameters(block));
        var beforeReset = ParameterBlock.Parse((await SendAsync(Ch9329Requests.GetParameters())).Data);
        var ack = await SendAsync(Ch9329Requests.Reset());
        var afterReset = ParameterBlock.Parse((await SendAsync(Ch9329Requests.GetParameters())).Data);

        Assert.Multiple(() =>
        {
            Assert.That(beforeReset.BaudRate, Is.EqualTo(115200));
            Assert.That(ack.ToString(), Is.EqualTo("57 AB 00 8F 01 00 92"));
            Assert.That(afterReset.ToData(), Is.EqualTo(block.ToData()));
            Assert.That(_chip.BaudRate, Is.EqualTo(9600));
        });
    }

    [Test]
    public async Task Usb_strings_are_stored_and_factory_reset_restores_defaults()
    {
        await SendAsync(Ch9329Requests.SetUsbString(UsbStringKind.Manufacturer, "www.openterface.com"));
        var set = Ch9329Replies.ParseUsbString((await SendAsync(Ch9329Requests.GetUsbString(UsbStringKind.Manufacturer))).Data);
        await SendAsync(Ch9329Requests.SetDefaultConfig());
        var reset = Ch9329Replies.ParseUsbString((await SendAsync(Ch9329Requests.GetUsbString(UsbStringKind.Manufacturer))).Data);

        Assert.That((set.Text, reset.Text), Is.EqualTo(("www.openterface.com", "WCH")));
    }

    [Test]
    public async Task Bad_checksum_gets_an_E4_error_reply_for_that_command()
    {
        var bytes = Ch9329Requests.GetInfo().ToBytes();
        bytes[^1] ^= 0xFF;
        await _chip.ReceiveAsync(bytes);

        Assert.That(_replies.Single().ToString(), Is.EqualTo("57 AB 00 C1 01 E4 A8"));
    }

    [Test]
    public async Task Unknown_command_and_bad_length_get_E3_and_E5()
    {
        var unknown = await SendAsync(new Ch9329Frame(0x30, []));
        var badLength = await SendAsync(new Ch9329Frame(Ch9329Command.SendKeyboard, [0, 0, 4]));

        Assert.Multiple(() =>
        {
            Assert.That(unknown.ToString(), Is.EqualTo("57 AB 00 F0 01 E3 D6"));
            Assert.That(badLength.Status, Is.EqualTo(Ch9329Status.BadParameter));
            Assert.That(badLength.IsErrorReply, Is.True);
        });
    }

    [Test]
    public async Task Gen1_chip_does_not_know_0x17_and_gen2_switches_the_target_usb()
    {
        var gen1 = await SendAsync(Ch9329Requests.UsbSwitch(UsbSwitchPosition.Target));
        Create(Ch9329EmulatorOptions.Gen2);
        var gen2 = await SendAsync(Ch9329Requests.UsbSwitch(UsbSwitchPosition.Target));
        var query = await SendAsync(Ch9329Requests.UsbSwitchQuery());

        Assert.Multiple(() =>
        {
            Assert.That(gen1.Status, Is.EqualTo(Ch9329Status.UnknownCommand));
            Assert.That(gen2.ToString(), Is.EqualTo("57 AB 00 97 01 01 9B"));
            Assert.That(query.ToString(), Is.EqualTo("57 AB 00 97 01 01 9B"));
            Assert.That(_target.UsbSwitchToTarget, Is.True);
        });
    }

    [Test]
    public async Task Zombie_chip_ignores_everything_until_set_default_config()
    {
        _chip.Faults.Zombie = true;
        await _chip.ReceiveAsync(Ch9329Requests.GetInfo().ToBytes());
        await _chip.ReceiveAsync(Ch9329Requests.Keyboard(new KeyboardReport(KeyModifiers.None, [4])).ToBytes());
        Assert.That(_replies, Is.Empty);

        var ack = await SendAsync(Ch9329Requests.SetDefaultConfig());
        var info = await SendAsync(Ch9329Requests.GetInfo());

        Assert.Multiple(() =>
        {
            Assert.That(ack.ToString(), Is.EqualTo("57 AB 00 8C 01 00 8F"));
            Assert.That(info.Code, Is.EqualTo(0x81));
            Assert.That(_target.KeyboardStates, Is.Empty);
        });
    }

    [Test]
    public async Task Wrong_host_baud_gets_noise_instead_of_a_reply()
    {
        _chip.HostBaudRate = 9600;
        await _chip.ReceiveAsync(Ch9329Requests.GetInfo().ToBytes());
        Assert.That(_replies, Is.Empty);
    }

    [Test]
    public async Task Led_change_pushes_an_unsolicited_get_info_when_enabled()
    {
        Create(new Ch9329EmulatorOptions { UnsolicitedInfoOnLedChange = true });
        var pushed = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        _chip.Output = (bytes, _) =>
        {
            if (bytes.Span[3] == 0x81)
            {
                pushed.TrySetResult(bytes.ToArray());
            }

            return ValueTask.CompletedTask;
        };

        await _chip.ReceiveAsync(Ch9329Requests.Keyboard(new KeyboardReport(KeyModifiers.None, [(byte)HidUsage.CapsLock])).ToBytes());
        var frame = Ch9329Frame.Parse(await pushed.Task.WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.That(ChipInfo.Parse(frame.Data).Leds, Is.EqualTo(LockLeds.CapsLock));
    }
}
