using System.Globalization;

namespace Openterface.Hil.Device;

/// <summary>
/// MS2109 XDATA registers over 9-byte HID feature reports (reference §5.1): write [00 B6 hi lo value 0 0 0 0];
/// read = set [00 B5 hi lo 0...] then get, value at byte 4. When report id 0 is refused the access is retried with
/// report id 1, as the vendor app does (Openterface_QT video/videohidchip.cpp), and id 1 is kept from then on.
/// </summary>
internal sealed class Ms2109Registers(IHidFeatureDevice device)
{
    private byte _reportId;

    internal const ushort Gpio0 = 0xDF00;
    internal const ushort SpdifOut = 0xDF01;
    internal const ushort FirmwareVersion = 0xCBDC;

    internal IHidFeatureDevice Device => device;

    internal byte Read(ushort address) => WithReportIdFallback(id =>
    {
        Span<byte> request = [id, 0xB5, (byte)(address >> 8), (byte)address, 0, 0, 0, 0, 0];
        device.SetFeature(request);
        Span<byte> reply = stackalloc byte[9];
        reply[0] = id;
        device.GetFeature(reply);
        return reply[4];
    });

    internal void Write(ushort address, byte value) => WithReportIdFallback(id =>
    {
        Span<byte> request = [id, 0xB6, (byte)(address >> 8), (byte)address, value, 0, 0, 0, 0];
        device.SetFeature(request);
        return value;
    });

    private byte WithReportIdFallback(Func<byte, byte> access)
    {
        try
        {
            return access(_reportId);
        }
        catch (DeviceException) when (_reportId == 0)
        {
            _reportId = 1;
            return access(_reportId);
        }
    }

    /// <summary>Four registers of two decimal digits each, e.g. "24081309".</summary>
    internal string ReadFirmwareVersion()
    {
        var parts = new string[4];
        for (var i = 0; i < 4; i++)
        {
            parts[i] = Read((ushort)(FirmwareVersion + i)).ToString("D2", CultureInfo.InvariantCulture);
        }

        return string.Concat(parts);
    }

    /// <summary>SPDIFOUT bit that drives the USB mux: bit0 from firmware 24081309 on, bit4 before.</summary>
    internal byte SwitchBit()
    {
        var version = ReadFirmwareVersion();
        return long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 24081309 ? (byte)0x01 : (byte)0x10;
    }
}
