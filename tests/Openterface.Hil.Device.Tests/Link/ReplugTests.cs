namespace Openterface.Hil.Device.Tests;

/// <summary>Issue 15 finding 3: after a replug every node number changes; the unit is found again by its USB port.</summary>
[TestFixture]
public sealed class ReplugTests
{
    [Test]
    public async Task A_replug_during_a_wait_reconnects_by_USB_port_and_the_gen1_switch_finds_the_new_hidraw_node()
    {
        var sysfs = Path.Combine(Path.GetTempPath(), "hil-replug-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(sysfs);
        var root = Path.Combine(sysfs, "sys");
        Directory.CreateSymbolicLink(root, RepoPaths.Sysfs("replug-before"));
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var opened = new List<string?>();
        var ms2109 = new FakeMs2109();
        try
        {
            await using var rig = await MemoryRig.StartAsync(
                o =>
                {
                    o.SysfsRoot = root;
                    o.TimeProvider = time;
                    o.SettleAfterOpen = TimeSpan.Zero;
                    o.ReconnectInterval = TimeSpan.FromMilliseconds(500);
                    o.OpenHid = path =>
                    {
                        opened.Add(path);
                        return ms2109;
                    };
                },
                uri: "/dev/ttyUSB0");
            rig.Kvm.Usb.DtrPulse = TimeSpan.Zero;
            await rig.Kvm.Usb.SwitchToTargetAsync();

            // Unplug and replug: ttyUSB0 → ttyUSB3, hidraw0 → hidraw2 on the same USB ports.
            rig.Ports[^1].Vanish();
            Directory.Delete(root);
            Directory.CreateSymbolicLink(root, RepoPaths.Sysfs("replug-after"));
            for (var i = 0; i < 100 && (rig.Kvm.SerialUri != "/dev/ttyUSB3" || rig.Kvm.Link.State != LinkState.Connected); i++)
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
                await Task.Delay(5);
            }

            await rig.Kvm.Usb.SwitchToHostAsync();

            Assert.Multiple(() =>
            {
                Assert.That(rig.Kvm.SerialUri, Is.EqualTo("/dev/ttyUSB3"));
                Assert.That(opened, Is.EqualTo(new[] { "/dev/hidraw0", "/dev/hidraw2" }));
                Assert.That(ms2109.Registers[0xDF01] & 0x01, Is.Zero, "switched back to the host after the replug");
            });
        }
        finally
        {
            Directory.Delete(sysfs, recursive: true);
        }
    }
}
