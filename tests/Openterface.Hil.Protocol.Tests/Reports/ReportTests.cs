using System.Drawing;

namespace Openterface.Hil.Protocol.Tests;

[TestFixture]
public sealed class ReportTests
{
    [Test]
    public void Parameter_block_round_trips_byte_for_byte_with_baud_big_endian_and_ids_little_endian()
    {
        var random = new Random(3);
        var data = new byte[ParameterBlock.Size];
        random.NextBytes(data);
        var block = ParameterBlock.Parse(data);
        Assert.Multiple(() =>
        {
            Assert.That(block.ToData(), Is.EqualTo(data));
            Assert.That(block.BaudRate, Is.EqualTo((data[3] << 24) | (data[4] << 16) | (data[5] << 8) | data[6]));
            Assert.That(block.VendorId, Is.EqualTo(data[11] | (data[12] << 8)));
            Assert.That(block.ProductId, Is.EqualTo(data[13] | (data[14] << 8)));
        });
    }

    [Test]
    public void Parameter_block_of_the_wrong_size_is_a_protocol_error()
    {
        Assert.That(() => ParameterBlock.Parse(new byte[49]), Throws.TypeOf<ProtocolException>().With.Property(nameof(ProtocolException.Error)).EqualTo(ProtocolError.BadLength));
    }

    [TestCase(0, 1920, 0)]
    [TestCase(1920, 1920, 4096)]
    [TestCase(960, 1920, 2048)]
    [TestCase(-5, 1920, 0)]
    [TestCase(5000, 1920, 4096)]
    [TestCase(100, 1280, 320)]
    [TestCase(100, 768, 533)]
    public void Device_units_are_rounded_and_clamped_to_0_4096(int position, int extent, int expected)
    {
        Assert.That(AbsolutePointer.ToDevice(position, extent), Is.EqualTo(expected));
    }

    [Test]
    public void Pillar_boxed_picture_maps_the_picture_edges_to_the_screen_edges()
    {
        // A 4:3 target (1440x1080 picture) centred in a 1920x1080 capture: bars of 240 px left and right.
        var picture = new Rectangle(240, 0, 1440, 1080);
        Assert.Multiple(() =>
        {
            Assert.That(AbsolutePointer.FromPixel(new Point(240, 0), new Size(1920, 1080), picture), Is.EqualTo((0, 0)));
            Assert.That(AbsolutePointer.FromPixel(new Point(960, 540), new Size(1920, 1080), picture), Is.EqualTo((2048, 2048)));
            Assert.That(AbsolutePointer.FromPixel(new Point(1680, 1080), new Size(1920, 1080), picture), Is.EqualTo((4096, 4096)));
            Assert.That(AbsolutePointer.FromPixel(new Point(100, 540), new Size(1920, 1080), picture).X, Is.EqualTo(0), "a click on the black bar clamps to the edge");
            Assert.That(AbsolutePointer.FromPixel(new Point(960, 540), new Size(1920, 1080)), Is.EqualTo((2048, 2048)));
        });
    }

    [Test]
    public void Every_command_round_trips_through_encode_and_decode()
    {
        Ch9329Frame[] frames =
        [
            Ch9329Requests.GetInfo(), Ch9329Requests.Keyboard(new KeyboardReport(KeyModifiers.RightAlt, [0x14, 0x08])),
            Ch9329Requests.Media(MediaKeys.VolumeUp | MediaKeys.Calculator | MediaKeys.WwwHome), Ch9329Requests.Acpi(AcpiKeys.Power),
            Ch9329Requests.MouseAbsolute(4096, 17, MouseButton.Middle, -3), Ch9329Requests.MouseRelative(-128, 127, MouseButton.Right, 5),
            Ch9329Requests.CustomHid([1, 2, 3]), Ch9329Replies.CustomHidReceived([9, 8]), Ch9329Requests.GetParameters(),
            Ch9329Requests.SetParameters(ParameterBlock.FactoryDefault), Ch9329Requests.GetUsbString(UsbStringKind.Product),
            Ch9329Requests.SetUsbString(UsbStringKind.SerialNumber, "HIL-1"), Ch9329Requests.SetDefaultConfig(), Ch9329Requests.Reset(),
            Ch9329Requests.UsbSwitch(UsbSwitchPosition.Target), Ch9329Requests.UsbSwitchQuery(), Ch9329Replies.UsbString(UsbStringKind.Product, "KVM"),
            Ch9329Replies.Parameters(ParameterBlock.Openterface(115200)), Ch9329Replies.Info(new ChipInfo(0x31, false, LockLeds.ScrollLock)),
        ];
        foreach (var frame in frames)
        {
            var back = Ch9329Frame.Parse(frame.ToBytes());
            Assert.That((back.Code, back.Data.ToArray()), Is.EqualTo((frame.Code, frame.Data.ToArray())), frame.ToString());
        }
    }

    [Test]
    public void Parsed_replies_give_back_their_values()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Ch9329Replies.ParseUsbString(Ch9329Replies.UsbString(UsbStringKind.Product, "KVM").Data), Is.EqualTo((UsbStringKind.Product, "KVM")));
            Assert.That(Ch9329Replies.ParseUsbSwitch(Ch9329Replies.UsbSwitch(UsbSwitchPosition.Target).Data), Is.EqualTo(UsbSwitchPosition.Target));
            Assert.That(KeyboardReport.Parse(Ch9329Requests.Keyboard(new KeyboardReport(KeyModifiers.LeftShift, [4, 5])).Data).Keys, Is.EqualTo(new byte[] { 4, 5, 0, 0, 0, 0 }));
            Assert.That(() => Ch9329Requests.SetUsbString(UsbStringKind.Product, new string('x', 24)), Throws.ArgumentException);
        });
    }
}
