namespace Openterface.Hil.Device.Tests;

/// <summary>An MS2109 register file behind fake hidraw feature reports (B5 read / B6 write, reference §5.1).</summary>
internal sealed class FakeMs2109 : IHidFeatureDevice
{
    private ushort _readAddress;

    public FakeMs2109(string firmware = "24081309")
    {
        for (var i = 0; i < 4; i++)
        {
            Registers[(ushort)(0xCBDC + i)] = byte.Parse(firmware.AsSpan(i * 2, 2), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public Dictionary<ushort, byte> Registers { get; } = new() { [0xDF01] = 0x40 };

    public List<string> Log { get; } = [];

    /// <summary>Behave like units whose firmware answers only report id 1 (the vendor app retries with it).</summary>
    public bool RefuseReportIdZero { get; init; }

    public string Path => "/dev/hidraw-fake";

    public void SetFeature(ReadOnlySpan<byte> report)
    {
        Assert.That(report.Length, Is.EqualTo(9), "MS2109 feature reports are 9 bytes");
        RefuseIdZero(report[0]);
        var address = (ushort)((report[2] << 8) | report[3]);
        if (report[1] == 0xB6)
        {
            Registers[address] = report[4];
            Log.Add($"write {address:X4}={report[4]:X2}");
        }
        else if (report[1] == 0xB5)
        {
            _readAddress = address;
        }
    }

    public void GetFeature(Span<byte> report)
    {
        RefuseIdZero(report[0]);
        report.Clear();
        report[1] = 0xB5;
        report[2] = (byte)(_readAddress >> 8);
        report[3] = (byte)_readAddress;
        report[4] = Registers.GetValueOrDefault(_readAddress);
    }

    private void RefuseIdZero(byte reportId)
    {
        if (RefuseReportIdZero && reportId == 0)
        {
            throw new DeviceException("HIDIOCSFEATURE on '/dev/hidraw-fake' failed: Broken pipe.", isTransient: true);
        }
    }

    public void Dispose()
    {
    }
}
