namespace Openterface.Hil.Protocol.Tests;

/// <summary>Every frame printed in the CH9329 reference (§2.3-2.13), built by the codec and decoded back.</summary>
[TestFixture]
public sealed class GoldenFrameTests
{
    private const string ParaTail = "03 86 1A 29 E1 00 00 00 01 00 0D";

    private static readonly (string Name, Func<Ch9329Frame> Build, string Bytes)[] Golden =
    [
        ("§2.5 press A", () => Ch9329Requests.Keyboard(new KeyboardReport(KeyModifiers.None, [0x04])), "57 AB 00 02 08 00 00 04 00 00 00 00 00 10"),
        ("§2.5 release all", () => Ch9329Requests.Keyboard(KeyboardReport.Released), "57 AB 00 02 08 00 00 00 00 00 00 00 00 0C"),
        ("§2.5 LShift+A", () => Ch9329Requests.Keyboard(new KeyboardReport(KeyModifiers.LeftShift, [0x04])), "57 AB 00 02 08 02 00 04 00 00 00 00 00 12"),
        ("§2.5 keyboard ACK", () => Ch9329Replies.Ack(Ch9329Command.SendKeyboard), "57 AB 00 82 01 00 85"),
        ("§2.6 mute press", () => Ch9329Requests.Media(MediaKeys.Mute), "57 AB 00 03 04 02 04 00 00 0F"),
        ("§2.6 mute release", () => Ch9329Requests.Media(MediaKeys.None), "57 AB 00 03 04 02 00 00 00 0B"),
        ("§2.7 abs left down", () => Ch9329Requests.MouseAbsolute(0, 0, MouseButton.Left), "57 AB 00 04 07 02 01 00 00 00 00 00 10"),
        ("§2.7 abs left up", () => Ch9329Requests.MouseAbsolute(0, 0), "57 AB 00 04 07 02 00 00 00 00 00 00 0F"),
        ("§2.7 abs (100,100) on 1280x768", () => Ch9329Requests.MouseAbsolute(AbsolutePointer.ToDevice(100, 1280), AbsolutePointer.ToDevice(100, 768)), "57 AB 00 04 07 02 00 40 01 15 02 00 67"),
        ("§2.7 abs ACK", () => Ch9329Replies.Ack(Ch9329Command.SendMouseAbsolute), "57 AB 00 84 01 00 87"),
        ("§2.8 rel left down", () => Ch9329Requests.MouseRelative(0, 0, MouseButton.Left), "57 AB 00 05 05 01 01 00 00 00 0E"),
        ("§2.8 rel left 3", () => Ch9329Requests.MouseRelative(-3, 0), "57 AB 00 05 05 01 00 FD 00 00 0A"),
        ("§2.8 rel down 5", () => Ch9329Requests.MouseRelative(0, 5), "57 AB 00 05 05 01 00 00 05 00 12"),
        ("§2.4 GET_INFO reply V1.8 connected", () => Ch9329Replies.Info(new ChipInfo(0x38, true, LockLeds.None)), "57 AB 00 81 08 38 01 00 00 00 00 00 00 C4"),
        ("§2.4 GET_INFO reply Num on", () => Ch9329Replies.Info(new ChipInfo(0x38, true, LockLeds.NumLock)), "57 AB 00 81 08 38 01 01 00 00 00 00 00 C5"),
        ("§2.4 GET_INFO reply CH343 variant", () => Ch9329Replies.Info(new ChipInfo(0x30, true, LockLeds.None) { Reserved = [0x00, 0x46, 0, 0, 0] }), "57 AB 00 81 08 30 01 00 00 46 00 00 00 02"),
        ("§2.10 SET_PARA_CFG 115200", () => Ch9329Requests.SetParameters(ParameterBlock.Openterface(115200)), $"57 AB 00 09 32 02 80 00 00 01 C2 00 08 00 00 {ParaTail} 29x00 45"),
        ("§2.10 SET_PARA_CFG 9600", () => Ch9329Requests.SetParameters(ParameterBlock.Openterface(9600)), $"57 AB 00 09 32 02 80 00 00 00 25 80 08 00 00 {ParaTail} 29x00 27"),
        ("§2.10 GET_PARA_CFG dump Mini-KVM 115200", () => Ch9329Replies.Parameters(ParameterBlock.Openterface(115200) with { WorkingMode = 0x82 }), $"57 AB 00 88 32 82 80 00 00 01 C2 00 08 00 00 {ParaTail} 29x00 44"),
        ("§2.10 GET_PARA_CFG dump stock 9600", () => Ch9329Replies.Parameters(ParameterBlock.FactoryDefault with { WorkingMode = 0x80 }), $"57 AB 00 88 32 80 80 00 00 00 25 80 08 00 00 {ParaTail} 0A 28x00 2E"),
        ("§2.11 SET_USB_STRING manufacturer", () => Ch9329Requests.SetUsbString(UsbStringKind.Manufacturer, "www.openterface.com"), "57 AB 00 0B 15 00 13 \"www.openterface.com\" C1"),
        ("§2.12 RESET", Ch9329Requests.Reset, "57 AB 00 0F 00 11"),
        ("§2.12 SET_DEFAULT_CFG", Ch9329Requests.SetDefaultConfig, "57 AB 00 0C 00 0E"),
        ("§2.13 GET_INFO", Ch9329Requests.GetInfo, "57 AB 00 01 00 03"),
        ("§2.13 GET_PARA_CFG", Ch9329Requests.GetParameters, "57 AB 00 08 00 0A"),
        ("§2.13 GET_USB_STRING manufacturer", () => Ch9329Requests.GetUsbString(UsbStringKind.Manufacturer), "57 AB 00 0A 01 00 0D"),
        ("§2.13 GET_USB_STRING product", () => Ch9329Requests.GetUsbString(UsbStringKind.Product), "57 AB 00 0A 01 01 0E"),
        ("§2.13 GET_USB_STRING serial", () => Ch9329Requests.GetUsbString(UsbStringKind.SerialNumber), "57 AB 00 0A 01 02 0F"),
        ("§2.13 0x17 host", () => Ch9329Requests.UsbSwitch(UsbSwitchPosition.Host), "57 AB 00 17 05 00 00 00 00 00 1E"),
        ("§2.13 0x17 target", () => Ch9329Requests.UsbSwitch(UsbSwitchPosition.Target), "57 AB 00 17 05 00 00 00 00 01 1F"),
        ("§2.13 0x17 query", Ch9329Requests.UsbSwitchQuery, "57 AB 00 17 05 00 00 00 00 03 21"),
        ("§2.13 0x17 reply host", () => Ch9329Replies.UsbSwitch(UsbSwitchPosition.Host), "57 AB 00 97 01 00 9A"),
        ("§2.13 0x17 reply target", () => Ch9329Replies.UsbSwitch(UsbSwitchPosition.Target), "57 AB 00 97 01 01 9B"),
        ("§2.13 ACK 82", () => Ch9329Replies.Ack(Ch9329Command.SendKeyboard), "57 AB 00 82 01 00 85"),
        ("§2.13 ACK 83", () => Ch9329Replies.Ack(Ch9329Command.SendMedia), "57 AB 00 83 01 00 86"),
        ("§2.13 ACK 84", () => Ch9329Replies.Ack(Ch9329Command.SendMouseAbsolute), "57 AB 00 84 01 00 87"),
        ("§2.13 ACK 85", () => Ch9329Replies.Ack(Ch9329Command.SendMouseRelative), "57 AB 00 85 01 00 88"),
        ("§2.13 ACK 89", () => Ch9329Replies.Ack(Ch9329Command.SetParameters), "57 AB 00 89 01 00 8C"),
        ("§2.13 ACK 8C", () => Ch9329Replies.Ack(Ch9329Command.SetDefaultConfig), "57 AB 00 8C 01 00 8F"),
        ("§2.13 ACK 8F", () => Ch9329Replies.Ack(Ch9329Command.Reset), "57 AB 00 8F 01 00 92"),
        ("§2.1/§2.13 checksum error to GET_INFO", () => Ch9329Replies.Error(Ch9329Command.GetInfo, Ch9329Status.BadChecksum), "57 AB 00 C1 01 E4 A8"),
        ("§2.13 abs (100,200) + left", () => Ch9329Requests.MouseAbsolute(100, 200, MouseButton.Left), "57 AB 00 04 07 02 01 64 00 C8 00 00 3C"),
        ("§2.13 abs centre", () => Ch9329Requests.MouseAbsolute(2048, 2048), "57 AB 00 04 07 02 00 00 08 00 08 00 1F"),
        ("§2.13 rel +5 -3 + left", () => Ch9329Requests.MouseRelative(5, -3, MouseButton.Left), "57 AB 00 05 05 01 01 05 FD 00 10"),
        ("§2.13 wheel up 1", () => Ch9329Requests.MouseRelative(0, 0, wheel: 1), "57 AB 00 05 05 01 00 00 00 01 0E"),
        ("§2.13 wheel down 1", () => Ch9329Requests.MouseRelative(0, 0, wheel: -1), "57 AB 00 05 05 01 00 00 00 FF 0C"),
    ];

    private static IEnumerable<TestCaseData> Cases() => Golden.Select(g => new TestCaseData(g.Build, g.Bytes).SetName(g.Name));

    [TestCaseSource(nameof(Cases))]
    public void Codec_encodes_the_reference_frame(Func<Ch9329Frame> build, string bytes)
    {
        Assert.That(Ch9329Frame.Hex(build().ToBytes()), Is.EqualTo(Ch9329Frame.Hex(Hex.Parse(bytes))));
    }

    [TestCaseSource(nameof(Cases))]
    public void Decoder_reads_the_reference_frame_back(Func<Ch9329Frame> build, string bytes)
    {
        var decoded = Ch9329Frame.Parse(Hex.Parse(bytes));
        var expected = build();
        Assert.Multiple(() =>
        {
            Assert.That(decoded.Code, Is.EqualTo(expected.Code));
            Assert.That(decoded.Data.ToArray(), Is.EqualTo(expected.Data.ToArray()));
        });
    }

    [Test]
    public void Real_GET_PARA_CFG_dumps_parse_to_the_documented_fields()
    {
        var mini = ParameterBlock.Parse(Ch9329Frame.Parse(Hex.Parse($"57 AB 00 88 32 82 80 00 00 01 C2 00 08 00 00 {ParaTail} 29x00 44")).Data);
        var stock = ParameterBlock.Parse(Ch9329Frame.Parse(Hex.Parse($"57 AB 00 88 32 80 80 00 00 00 25 80 08 00 00 {ParaTail} 0A 28x00 2E")).Data);
        Assert.Multiple(() =>
        {
            Assert.That(mini.BaudRate, Is.EqualTo(115200));
            Assert.That(mini.WorkingMode, Is.EqualTo(0x82));
            Assert.That(mini.SerialMode, Is.EqualTo(0x80));
            Assert.That(mini.VendorId, Is.EqualTo(0x1A86));
            Assert.That(mini.ProductId, Is.EqualTo(0xE129));
            Assert.That(mini.PacketIntervalMs, Is.EqualTo(3));
            Assert.That(stock.BaudRate, Is.EqualTo(9600));
            Assert.That(stock.WorkingMode, Is.EqualTo(0x80));
        });
    }

    [Test]
    public void GET_INFO_reply_of_a_CH32V208_parses_with_its_raw_version()
    {
        var reply = Ch9329Replies.Info(ChipInfo.Parse(Hex.Parse("02 01 00 03 00 00 00 00")));
        var info = ChipInfo.Parse(Ch9329Frame.Parse(reply.ToBytes()).Data);
        Assert.Multiple(() =>
        {
            Assert.That(info.Version, Is.EqualTo(0x02));
            Assert.That(info.VersionText, Is.EqualTo("0x02"));
            Assert.That(info.TargetEnumerated, Is.True);
            Assert.That(info.Reserved[0], Is.EqualTo(0x03));
        });
    }

    [Test]
    public void GET_INFO_version_byte_0x38_reads_as_1_8_and_LED_bits_map_to_flags()
    {
        var info = ChipInfo.Parse(Hex.Parse("38 01 07 00 00 00 00 00"));
        Assert.Multiple(() =>
        {
            Assert.That(info.VersionText, Is.EqualTo("1.8"));
            Assert.That(info.Leds, Is.EqualTo(LockLeds.NumLock | LockLeds.CapsLock | LockLeds.ScrollLock));
        });
    }
}
