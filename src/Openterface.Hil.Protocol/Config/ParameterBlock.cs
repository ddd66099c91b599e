using System.Buffers.Binary;

namespace Openterface.Hil.Protocol;

/// <summary>
/// The 50-byte CH9329 parameter block (GET_PARA_CFG reply / SET_PARA_CFG payload, reference §2.10). Baud is
/// big-endian, VID and PID little-endian. Reserved and ASCII-mode fields are kept byte for byte, so
/// <see cref="Parse"/> then <see cref="ToData"/> round-trips exactly.
/// </summary>
public sealed record ParameterBlock
{
    public const int Size = 50;

    /// <summary>00..03 software-set; 80..83 pin-set (Openterface boards: 82 = keyboard + mouse).</summary>
    public byte WorkingMode { get; init; } = 0x82;

    /// <summary>00 protocol, 01 ASCII, 02 transparent; 80..82 pin-set.</summary>
    public byte SerialMode { get; init; } = 0x80;

    public byte Address { get; init; }

    public int BaudRate { get; init; } = 9600;

    /// <summary>Offsets 7-8; real chips return 08 00.</summary>
    public ushort Reserved7 { get; init; } = 0x0800;

    /// <summary>End-of-frame gap in ms (offsets 9-10, big-endian).</summary>
    public ushort PacketIntervalMs { get; init; } = 3;

    public ushort VendorId { get; init; } = 0x1A86;

    public ushort ProductId { get; init; } = 0xE129;

    /// <summary>Offsets 15..49 (ASCII-mode settings, filters, string-enable flags, reserved) as raw bytes.</summary>
    public IReadOnlyList<byte> Tail { get; init; } = DefaultTail();

    /// <summary>Offset 36: bit7 master enable, bit2 manufacturer, bit1 product, bit0 serial.</summary>
    public byte UsbStringEnable => Tail[36 - 15];

    /// <summary>What a CH9329 on an Openterface board holds after a factory reset (9600 baud, pin-set modes).</summary>
    public static ParameterBlock FactoryDefault { get; } = new();

    /// <summary>The block Openterface QT writes for a baud change (mode byte 02, serial 80; reference §2.10).</summary>
    public static ParameterBlock Openterface(int baudRate) => new()
    {
        WorkingMode = 0x02,
        SerialMode = 0x80,
        BaudRate = baudRate,
        Tail = OpenterfaceTail(),
    };

    public byte[] ToData()
    {
        var data = new byte[Size];
        data[0] = WorkingMode;
        data[1] = SerialMode;
        data[2] = Address;
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(3), BaudRate);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(7), Reserved7);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(9), PacketIntervalMs);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(11), VendorId);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(13), ProductId);
        for (var i = 0; i < Size - 15; i++)
        {
            data[15 + i] = Tail[i];
        }

        return data;
    }

    public static ParameterBlock Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length != Size)
        {
            throw new ProtocolException(ProtocolError.BadLength, $"A parameter block is {Size} bytes, got '{data.Length}'.");
        }

        return new ParameterBlock
        {
            WorkingMode = data[0],
            SerialMode = data[1],
            Address = data[2],
            BaudRate = BinaryPrimitives.ReadInt32BigEndian(data[3..]),
            Reserved7 = BinaryPrimitives.ReadUInt16BigEndian(data[7..]),
            PacketIntervalMs = BinaryPrimitives.ReadUInt16BigEndian(data[9..]),
            VendorId = BinaryPrimitives.ReadUInt16LittleEndian(data[11..]),
            ProductId = BinaryPrimitives.ReadUInt16LittleEndian(data[13..]),
            Tail = data[15..].ToArray(),
        };
    }

    private static byte[] DefaultTail()
    {
        // 15-16 upload interval 0, 17-18 release delay 1, 19 auto-enter 0, 20-27 Enter sequences "0D 0A".
        var tail = new byte[Size - 15];
        tail[17 - 15 + 1] = 0x01;
        tail[20 - 15] = 0x0D;
        tail[21 - 15] = 0x0A;
        return tail;
    }

    private static byte[] OpenterfaceTail()
    {
        var tail = new byte[Size - 15];
        tail[17 - 15 + 1] = 0x01;
        tail[20 - 15] = 0x0D;
        return tail;
    }
}
