using Openterface.Hil.Protocol;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.Device.Tests;

/// <summary>Issue 15 findings 1, 4, 7, 9: the chip is decided by USB id, and each chip is configured as the vendor app does.</summary>
[TestFixture]
public sealed class ChipGenerationTests
{
    [Test]
    public async Task A_CH32V208_found_by_its_USB_id_gets_no_parameter_block_commands_on_a_baud_change()
    {
        await using var rig = await MemoryRig.StartAsync(o => o.SysfsRoot = RepoPaths.Sysfs("gen2"), Ch9329EmulatorOptions.Ch32V208, uri: "/dev/ttyACM0");

        await rig.Kvm.ChangeBaudRateAsync(9600);

        Assert.Multiple(() =>
        {
            Assert.That(rig.Kvm.Chip, Is.EqualTo(ControlChip.Ch32V208));
            Assert.That(rig.Emulator.Requests.Select(r => r.Command), Has.None.AnyOf(Ch9329Command.GetParameters, Ch9329Command.SetParameters, Ch9329Command.Reset));
            Assert.That(rig.Ports, Has.Count.EqualTo(1), "no reopen");
        });
    }

    [Test]
    public async Task A_CH32V208_factory_reset_is_RTS_only_and_comes_back_at_115200()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var chip = Ch9329EmulatorOptions.Ch32V208 with { TimeProvider = time };
        await using var rig = await MemoryRig.StartAsync(
            o =>
            {
                o.SysfsRoot = RepoPaths.Sysfs("gen2");
                o.TimeProvider = time;
                o.SettleAfterOpen = TimeSpan.Zero;
            },
            chip,
            uri: "/dev/ttyACM0");

        var reset = rig.Kvm.FactoryResetAsync();
        for (var i = 0; i < 200 && !reset.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(1);
        }

        await reset;
        Assert.Multiple(() =>
        {
            Assert.That(rig.Emulator.RtsFactoryResets, Is.EqualTo(1));
            Assert.That(rig.Emulator.Requests.Select(r => r.Command), Has.None.EqualTo(Ch9329Command.SetDefaultConfig));
            Assert.That(rig.Kvm.BaudRate, Is.EqualTo(115200));
        });
    }

    [Test]
    public async Task A_CH340_found_by_its_USB_id_is_a_CH9329_and_its_baud_change_writes_serial_mode_0x00()
    {
        await using var rig = await MemoryRig.StartAsync(o => o.SysfsRoot = RepoPaths.Sysfs("gen1"), uri: "/dev/ttyUSB0");

        await rig.Kvm.ChangeBaudRateAsync(9600);

        var set = rig.Emulator.Requests.Single(r => r.Command == Ch9329Command.SetParameters);
        Assert.Multiple(() =>
        {
            Assert.That(rig.Kvm.Chip, Is.EqualTo(ControlChip.Ch9329));
            Assert.That(set.Data[1], Is.EqualTo(0x00), "serial mode: the chip accepts only 00-02 (it reports 0x80)");
            Assert.That(rig.Emulator.BaudRate, Is.EqualTo(9600));
            Assert.That(rig.Kvm.BaudRate, Is.EqualTo(9600));
            Assert.That(rig.Ports, Has.Count.EqualTo(1), "the baud changes on the open port");
        });
    }

    [Test]
    public async Task Probing_9600_after_115200_opens_the_port_once_so_the_USB_A_port_sees_one_DTR_glitch()
    {
        await using var rig = await MemoryRig.StartAsync(o => o.SysfsRoot = RepoPaths.Sysfs("gen1"), Ch9329EmulatorOptions.Gen1 with { BaudRate = 9600 }, uri: "/dev/ttyUSB0");

        Assert.Multiple(() =>
        {
            Assert.That(rig.Kvm.BaudRate, Is.EqualTo(9600));
            Assert.That(rig.Ports, Has.Count.EqualTo(1));
            Assert.That(rig.Emulator.UsbPortPowerCuts, Is.EqualTo(1), "only the first open() raised DTR");
            Assert.That(rig.Emulator.UsbPortPowered, Is.True, "DTR dropped right after open on a CH340");
        });
    }

    [Test]
    public async Task A_CH32V208_keeps_DTR_and_RTS_as_open_left_them()
    {
        await using var rig = await MemoryRig.StartAsync(o => o.SysfsRoot = RepoPaths.Sysfs("gen2"), Ch9329EmulatorOptions.Ch32V208, uri: "/dev/ttyACM0");

        Assert.Multiple(() =>
        {
            Assert.That(rig.Emulator.HostLines, Is.EqualTo((true, true)));
            Assert.That(rig.Ports[0].LineHistory, Is.Empty);
        });
    }

    [Test]
    public async Task The_first_GET_INFO_waits_for_the_chip_to_settle_after_open()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var target = new RecordingTarget();
        await using var _ = target;
        var emulator = new Ch9329Emulator(target);
        var connect = MiniKvm.ConnectAsync("mem://x", new MiniKvmOptions
        {
            TimeProvider = time,
            HeartbeatInterval = TimeSpan.Zero,
            OpenPort = (path, baud, _) => Task.FromResult<ISerialPort>(new EmulatorPort(emulator, path, baud)),
        });
        await Task.Delay(50);
        var beforeSettle = emulator.Requests.Count;
        time.Advance(TimeSpan.FromMilliseconds(50));
        await using var kvm = await connect;

        Assert.Multiple(() =>
        {
            Assert.That(beforeSettle, Is.Zero, "nothing sent during the 50 ms settle");
            Assert.That(emulator.Requests.First().Command, Is.EqualTo(Ch9329Command.GetInfo));
        });
    }
}
