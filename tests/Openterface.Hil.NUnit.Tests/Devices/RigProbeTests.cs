namespace Openterface.Hil.NUnit.Tests;

public sealed class RigProbeTests
{
    [Test]
    public void Simulator_target_is_not_a_real_rig()
    {
        var probe = new RigProbe(_ => true);
        Assert.That(probe.WhyUnavailable(new HilSettings { Target = "sim:console" }), Does.Contain("simulator ('sim:console')"));
    }

    [Test]
    public void Nothing_configured_explains_where_it_looked()
    {
        var probe = new RigProbe(_ => true);
        var reason = probe.WhyUnavailable(new HilSettings { Tried = ["environment HIL_SERIAL (absent)"] });
        Assert.That(reason, Does.Contain("environment HIL_SERIAL (absent)").And.Contain("HIL_SERIAL and HIL_VIDEO"));
    }

    [Test]
    public void A_missing_serial_device_makes_the_rig_unavailable()
    {
        var probe = new RigProbe(path => path == "/dev/video0");
        var reason = probe.WhyUnavailable(new HilSettings { Serial = "/dev/ttyUSB7", Video = "/dev/video0" });
        Assert.That(reason, Does.Contain("serial port '/dev/ttyUSB7' does not exist"));
    }

    [Test]
    public void Attached_devices_and_network_rigs_are_available()
    {
        var probe = new RigProbe(path => path is "/dev/ttyUSB0" or "/dev/video0");
        Assert.Multiple(() =>
        {
            Assert.That(probe.WhyUnavailable(new HilSettings { Serial = "/dev/ttyUSB0", Video = "/dev/video0" }), Is.Null);
            Assert.That(probe.WhyUnavailable(new HilSettings { Serial = "tcp://10.0.0.9:2000", Video = "http://10.0.0.9:8080/stream" }), Is.Null);
        });
    }

    [Test]
    public void One_attached_rig_of_several_is_enough()
    {
        var probe = new RigProbe(path => path == "/dev/ttyUSB1");
        var settings = new HilSettings { Rigs = [new RigSettings("a", "/dev/ttyUSB0"), new RigSettings("b", "/dev/ttyUSB1")] };
        Assert.That(probe.WhyUnavailable(settings), Is.Null);
    }

    [TestCase("1a86", "7523", true)]
    [TestCase("1a86", "fe0c", true)]
    [TestCase("0403", "6001", false)]
    public void Auto_serial_looks_for_the_mini_kvm_usb_ids_in_sysfs(string vendor, string product, bool expected)
    {
        using var sys = new TempDirectory();
        var usb = Directory.CreateDirectory(sys.Combine("devices", "usb1", "1-1")).FullName;
        File.WriteAllText(Path.Combine(usb, "idVendor"), vendor + "\n");
        File.WriteAllText(Path.Combine(usb, "idProduct"), product + "\n");
        var iface = Directory.CreateDirectory(Path.Combine(usb, "1-1:1.0", "ttyUSB0")).FullName;
        var tty = Directory.CreateDirectory(sys.Combine("class", "tty", "ttyUSB0")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(tty, "device"), iface);

        var probe = new RigProbe(_ => true, sys.Path);
        var reason = probe.WhyUnavailable(new HilSettings { Serial = "auto" });
        Assert.That(reason is null, Is.EqualTo(expected), reason);
    }
}
