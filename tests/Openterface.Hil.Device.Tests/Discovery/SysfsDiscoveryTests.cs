namespace Openterface.Hil.Device.Tests;

[TestFixture]
public sealed class SysfsDiscoveryTests
{
    [Test]
    public void Gen1_pairs_the_CH340_with_the_MS2109_on_the_same_hub()
    {
        var kvm = new SysfsDiscovery(RepoPaths.Sysfs("gen1")).FindOne();
        Assert.That(kvm, Is.EqualTo(new DiscoveredKvm("/dev/ttyUSB0", "1A86:7523", "/dev/video0", "534D:2109", "/dev/hidraw0", "1-2.2", "gen1 (MS2109 + CH340/CH9329)", "1-2.1")));
    }

    [Test]
    public void Gen2_pairs_the_CH32V208_with_the_MS2109S()
    {
        var kvm = new SysfsDiscovery(RepoPaths.Sysfs("gen2")).FindOne();
        Assert.Multiple(() =>
        {
            Assert.That(kvm.SerialPath, Is.EqualTo("/dev/ttyACM0"));
            Assert.That(kvm.VideoUsbId, Is.EqualTo("345F:2109"));
            Assert.That(kvm.HidrawPath, Is.EqualTo("/dev/hidraw1"));
            Assert.That(kvm.Generation, Does.StartWith("gen2"));
        });
    }

    [Test]
    public void Kvm_go_pairs_a_serial_port_on_a_sub_hub_with_the_MS2130S()
    {
        var kvm = new SysfsDiscovery(RepoPaths.Sysfs("kvm-go")).FindOne();
        Assert.Multiple(() =>
        {
            Assert.That(kvm.SerialPath, Is.EqualTo("/dev/ttyACM1"));
            Assert.That(kvm.VideoPath, Is.EqualTo("/dev/video2"));
            Assert.That(kvm.Generation, Does.StartWith("KVM-GO"));
        });
    }

    [Test]
    public void A_second_unrelated_CH340_is_never_picked_pairing_wins()
    {
        var kvm = new SysfsDiscovery(RepoPaths.Sysfs("gen1-with-stray-ch340")).FindOne();
        Assert.Multiple(() =>
        {
            Assert.That(kvm.SerialPath, Is.EqualTo("/dev/ttyUSB1"), "ttyUSB0 is the stray adapter, enumerated first");
            Assert.That(kvm.VideoPath, Is.EqualTo("/dev/video2"));
        });
    }

    [Test]
    public void Only_a_stray_CH340_gives_a_clear_not_found_error_listing_it_and_the_remedies()
    {
        var error = Assert.Throws<DeviceNotFoundException>(() => new SysfsDiscovery(RepoPaths.Sysfs("stray-ch340-only")).FindOne())!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("tty ttyUSB1: USB 1a86:7523 at port 1-5"));
            Assert.That(error.Message, Does.Contain("brltty").And.Contain("dialout").And.Contain("cable"));
            Assert.That(error.IsTransient, Is.False);
        });
    }

    [Test]
    public void Auto_uri_uses_discovery_and_reports_when_nothing_is_found()
    {
        var error = Assert.ThrowsAsync<DeviceNotFoundException>(() => MiniKvm.ConnectAsync("auto", new MiniKvmOptions { SysfsRoot = RepoPaths.Sysfs("stray-ch340-only") }))!;
        Assert.That(error.Message, Does.Contain("No Openterface Mini-KVM found"));
    }

    [Test]
    public void Kvm_go_on_a_USB3_hub_pairs_across_the_two_buses_through_the_hub_ports_peer_link()
    {
        var kvm = new SysfsDiscovery(RepoPaths.Sysfs("kvm-go-usb3")).FindOne();
        Assert.Multiple(() =>
        {
            Assert.That(kvm.SerialPath, Is.EqualTo("/dev/ttyACM0"));
            Assert.That(kvm.UsbPort, Is.EqualTo("1-3.3.1"));
            Assert.That(kvm.VideoPath, Is.EqualTo("/dev/video0"));
            Assert.That(kvm.VideoUsbPort, Is.EqualTo("2-1.1"));
            Assert.That(kvm.Chip, Is.EqualTo(ControlChip.Ch32V208));
            Assert.That(kvm.Generation, Does.StartWith("KVM-GO"));
        });
    }

    [Test]
    public void Two_units_each_serial_port_gets_its_own_capture_node()
    {
        var kvms = new SysfsDiscovery(RepoPaths.Sysfs("two-units")).FindAll();

        Assert.That(kvms.Select(k => (k.SerialPath, k.VideoPath, k.HidrawPath)), Is.EquivalentTo(new[]
        {
            ("/dev/ttyUSB1", "/dev/video0", "/dev/hidraw0"),
            ("/dev/ttyUSB0", "/dev/video2", "/dev/hidraw1"),
        }));
        Assert.That(
            () => new SysfsDiscovery(RepoPaths.Sysfs("two-units")).FindOne(),
            Throws.TypeOf<DeviceNotFoundException>().With.Message.Contains("'/dev/ttyUSB0' with '/dev/video2'"));
    }

    [Test]
    public void An_explicit_serial_path_is_looked_up_in_sysfs_for_its_USB_id_and_paired_video()
    {
        var kvm = new SysfsDiscovery(RepoPaths.Sysfs("two-units")).FindBySerialPath("/dev/ttyUSB0");
        Assert.Multiple(() =>
        {
            Assert.That(kvm?.VideoPath, Is.EqualTo("/dev/video2"));
            Assert.That(kvm?.Chip, Is.EqualTo(ControlChip.Ch9329));
        });
    }

    [Test]
    public void Node_names_sort_as_numbers_so_capture_node_video9_wins_over_metadata_node_video10()
    {
        var kvm = new SysfsDiscovery(RepoPaths.Sysfs("video9-10")).FindOne();
        Assert.That(kvm.VideoPath, Is.EqualTo("/dev/video9"));
    }
}
