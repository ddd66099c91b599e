namespace Openterface.Hil.Video.Tests;

public class CaptureDeviceFinderTests
{
    [Test]
    public void Auto_finds_the_capture_node_of_an_openterface_by_usb_id()
    {
        using var sysfs = new TempDirectory();
        AddNode(sysfs, "video0", "046d", "0825", index: 0);
        AddNode(sysfs, "video2", "345f", "2109", index: 0);
        AddNode(sysfs, "video3", "345f", "2109", index: 1);

        var device = CaptureDeviceFinder.FindOpenterface(sysfs.Path, "/dev");

        Assert.That(device, Is.EqualTo("/dev/video2"));
    }

    [TestCase("534d", "2109")]
    [TestCase("345F", "2132")]
    public void Auto_knows_every_openterface_video_chip(string vendor, string product)
    {
        using var sysfs = new TempDirectory();
        AddNode(sysfs, "video10", vendor, product, index: 0);

        Assert.That(CaptureDeviceFinder.FindOpenterface(sysfs.Path, "/devroot"), Is.EqualTo("/devroot/video10"));
    }

    [Test]
    public void Auto_without_an_openterface_lists_what_it_found()
    {
        using var sysfs = new TempDirectory();
        AddNode(sysfs, "video0", "046d", "0825", index: 0);

        var error = Assert.Throws<VideoException>(() => CaptureDeviceFinder.FindOpenterface(sysfs.Path, "/dev"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith("No Openterface capture device found (looked for 534D:2109 MS2109, 345F:2109 MS2109S, 345F:2132 MS2130S"));
            Assert.That(error.Message, Does.Contain("found only video0 (046d:0825)"));
            Assert.That(error.IsRigFault, Is.True);
        });
    }

    [Test]
    public void A_metadata_node_is_not_accepted_as_a_capture_device()
    {
        using var sysfs = new TempDirectory();
        using var dev = new TempDirectory();
        AddNode(sysfs, "video1", "345f", "2109", index: 1);
        File.WriteAllText(dev.File("video1"), string.Empty);

        var error = Assert.Throws<VideoException>(() => CaptureDeviceFinder.EnsureCaptureDevice(dev.File("video1"), sysfs.Path));

        Assert.That(error!.Message, Does.Contain("is a V4L2 metadata node, not the capture node"));
    }

    [Test]
    public void Auto_with_two_units_refuses_to_guess_and_the_usb_port_picks_each_units_own_node()
    {
        var tree = SysfsFixtures.Tree("two-units");

        var error = Assert.Throws<VideoException>(() => CaptureDeviceFinder.FindOpenterface(tree, "/dev"));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("Found 2 Openterface capture devices").And.Contain("'/dev/video2' at USB port 1-6.1"));
            Assert.That(CaptureDeviceFinder.FindOpenterface(tree, "/dev", usbPort: "1-2.1"), Is.EqualTo("/dev/video0"));
            Assert.That(CaptureDeviceFinder.FindOpenterface(tree, "/dev", usbPort: "1-6.1"), Is.EqualTo("/dev/video2"));
        });
    }

    [Test]
    public void Node_numbers_sort_as_numbers_video9_before_video10()
    {
        Assert.That(CaptureDeviceFinder.FindOpenterface(SysfsFixtures.Tree("video9-10"), "/dev"), Is.EqualTo("/dev/video9"));
    }

    [Test]
    public void After_a_replug_the_capture_node_is_found_again_by_its_usb_port()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CaptureDeviceFinder.FindByUsbPort(SysfsFixtures.Tree("replug-before"), "/dev", "1-2.1"), Is.EqualTo("/dev/video0"));
            Assert.That(CaptureDeviceFinder.FindByUsbPort(SysfsFixtures.Tree("replug-after"), "/dev", "1-2.1"), Is.EqualTo("/dev/video4"));
        });
    }

    /// <summary>Lays out sysfs like the kernel: the class node's device link points at the USB interface.</summary>
    private static void AddNode(TempDirectory sysfs, string name, string vendor, string product, int index)
    {
        var usbDevice = Path.Combine(sysfs.Path, "devices", "usb1", "1-2", $"1-2.{name.Length}{name[^1]}");
        var usbInterface = Path.Combine(usbDevice, "1-2.1:1.0");
        Directory.CreateDirectory(usbInterface);
        File.WriteAllText(Path.Combine(usbDevice, "idVendor"), vendor + "\n");
        File.WriteAllText(Path.Combine(usbDevice, "idProduct"), product + "\n");
        var node = Path.Combine(sysfs.Path, "class", "video4linux", name);
        Directory.CreateDirectory(node);
        File.WriteAllText(Path.Combine(node, "index"), index + "\n");
        Directory.CreateSymbolicLink(Path.Combine(node, "device"), usbInterface);
    }
}
