using Openterface.Hil.Protocol;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.Device.Tests;

[TestFixture]
public sealed class UsbSwitchTests
{
    [Test]
    public async Task Gen2_switches_with_command_0x17_and_reads_the_position_back()
    {
        await using var rig = await MemoryRig.StartAsync(chip: Ch9329EmulatorOptions.Gen2);

        await rig.Kvm.Usb.SwitchToTargetAsync();
        var atTarget = await rig.Kvm.Usb.GetPositionAsync();
        await rig.Kvm.Usb.SwitchToHostAsync();

        Assert.Multiple(() =>
        {
            Assert.That(atTarget, Is.EqualTo(UsbSwitchPosition.Target));
            Assert.That(rig.Target.UsbSwitchToTarget, Is.False);
            Assert.That(rig.Kvm.Transcript, Does.Contain("TX 57 AB 00 17 05 00 00 00 00 01 1F"));
        });
    }

    [Test]
    public async Task Gen2_unit_that_acknowledges_but_does_not_move_is_reported_with_the_known_issue()
    {
        await using var rig = await MemoryRig.StartAsync(chip: Ch9329EmulatorOptions.Gen2);
        rig.Target.UsbSwitchStuck = true;

        var error = Assert.ThrowsAsync<DeviceException>(() => rig.Kvm.Usb.SwitchToTargetAsync())!;

        Assert.That(error.Message, Does.Contain("reads back 'Host'").And.Contain("#581"));
    }

    [TestCase("24081309", 0x41)]
    [TestCase("23010101", 0x50)]
    public async Task Gen1_sets_the_MS2109_SPDIFOUT_bit_for_its_firmware_and_pulses_DTR(string firmware, int expected)
    {
        var ms2109 = new FakeMs2109(firmware);
        await using var rig = await MemoryRig.StartAsync(o => o.OpenHid = _ => ms2109);
        rig.Kvm.Usb.DtrPulse = TimeSpan.FromMilliseconds(1);

        await rig.Kvm.Usb.SwitchToTargetAsync();
        var position = await rig.Kvm.Usb.GetPositionAsync();

        Assert.Multiple(() =>
        {
            Assert.That(ms2109.Registers[0xDF01], Is.EqualTo(expected));
            Assert.That(position, Is.EqualTo(UsbSwitchPosition.Target));
            Assert.That(rig.Ports[^1].LineHistory.Skip(1), Is.EqualTo(new[] { (true, false), (false, false) }), "DTR pulse so the stick re-enumerates (after the lines were dropped at open)");
        });

        await rig.Kvm.Usb.SwitchToHostAsync();
        Assert.That(ms2109.Registers[0xDF01], Is.EqualTo(0x40), "other SPDIFOUT bits are preserved");
    }

    [Test]
    public async Task Gen1_without_an_MS2109_hid_node_explains_what_is_missing()
    {
        await using var rig = await MemoryRig.StartAsync();

        var error = Assert.ThrowsAsync<DeviceException>(() => rig.Kvm.Usb.SwitchToTargetAsync())!;

        Assert.That(error.Message, Does.Contain("hidraw").And.Contain("534d:2109"));
    }

    [Test]
    public async Task Gen2_writes_the_HID_register_where_the_hidraw_node_exists_and_then_sends_0x17()
    {
        var ms2109 = new FakeMs2109();
        await using var rig = await MemoryRig.StartAsync(
            o =>
            {
                o.SysfsRoot = RepoPaths.Sysfs("gen2");
                o.OpenHid = path => path == "/dev/hidraw1" ? ms2109 : null;
            },
            Ch9329EmulatorOptions.Ch32V208,
            uri: "/dev/ttyACM0");

        await rig.Kvm.Usb.SwitchToTargetAsync();

        Assert.Multiple(() =>
        {
            Assert.That(ms2109.Log, Is.EqualTo(new[] { "write DF01=41" }));
            Assert.That(rig.Target.UsbSwitchToTarget, Is.True);
            Assert.That(rig.Kvm.Transcript, Does.Contain("TX 57 AB 00 17 05 00 00 00 00 01 1F"));
        });
    }

    [Test]
    public async Task Ms2109_register_access_falls_back_to_report_id_1()
    {
        var ms2109 = new FakeMs2109 { RefuseReportIdZero = true };
        await using var rig = await MemoryRig.StartAsync(o => o.OpenHid = _ => ms2109);
        rig.Kvm.Usb.DtrPulse = TimeSpan.Zero;

        await rig.Kvm.Usb.SwitchToTargetAsync();

        Assert.That(ms2109.Registers[0xDF01], Is.EqualTo(0x41));
    }
}
