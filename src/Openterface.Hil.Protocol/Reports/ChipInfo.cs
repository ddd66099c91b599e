using System.Globalization;

namespace Openterface.Hil.Protocol;

/// <summary>The GET_INFO reply (command 81, 8 bytes, reference §2.4).</summary>
public sealed record ChipInfo(byte Version, bool TargetEnumerated, LockLeds Leds)
{
    public const int Size = 8;

    /// <summary>Reserved bytes 3..7 as received (CH32V208 firmware puts a version there).</summary>
    public IReadOnlyList<byte> Reserved { get; init; } = new byte[5];

    /// <summary>"1.8" for 0x38; CH32V208 firmware reports small raw numbers, shown as "0x02".</summary>
    public string VersionText => Version >= 0x30
        ? string.Create(CultureInfo.InvariantCulture, $"{1.0 + ((Version - 0x30) / 10.0):0.0}")
        : string.Create(CultureInfo.InvariantCulture, $"0x{Version:X2}");

    public byte[] ToData()
    {
        var data = new byte[Size];
        data[0] = Version;
        data[1] = TargetEnumerated ? (byte)1 : (byte)0;
        data[2] = (byte)Leds;
        for (var i = 0; i < Math.Min(5, Reserved.Count); i++)
        {
            data[3 + i] = Reserved[i];
        }

        return data;
    }

    public static ChipInfo Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length != Size)
        {
            throw new ProtocolException(ProtocolError.BadLength, $"A GET_INFO reply carries {Size} bytes, got '{data.Length}'.");
        }

        return new ChipInfo(data[0], data[1] == 1, (LockLeds)(data[2] & 0x07)) { Reserved = data[3..].ToArray() };
    }
}
