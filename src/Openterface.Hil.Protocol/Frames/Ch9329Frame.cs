using System.Globalization;
using System.Text;

namespace Openterface.Hil.Protocol;

/// <summary>
/// One CH9329 frame (reference §2.1): HEAD 57 AB, ADDR, CMD, LEN, DATA (0..64 bytes), SUM (low 8 bits of the sum of
/// every preceding byte). Used for requests (CMD 01..3F), replies (| 0x80), error replies (| 0xC0) and the
/// unsolicited 0x87.
/// </summary>
public sealed class Ch9329Frame
{
    public const byte Head0 = 0x57;
    public const byte Head1 = 0xAB;
    public const int MaxDataLength = 64;
    public const int Overhead = 6;

    private readonly byte[] _data;

    public Ch9329Frame(byte code, ReadOnlySpan<byte> data, byte address = 0)
    {
        if (data.Length > MaxDataLength)
        {
            throw new ArgumentOutOfRangeException(nameof(data), data.Length, $"A CH9329 frame carries at most {MaxDataLength} data bytes.");
        }

        Code = code;
        Address = address;
        _data = data.ToArray();
    }

    public Ch9329Frame(Ch9329Command command, ReadOnlySpan<byte> data, byte address = 0)
        : this((byte)command, data, address)
    {
    }

    public byte Address { get; }

    /// <summary>The raw CMD byte (request code, or reply code with bit 7 / bits 7-6 set).</summary>
    public byte Code { get; }

    public ReadOnlySpan<byte> Data => _data;

    public int Length => _data.Length + Overhead;

    /// <summary>True for a success reply (code 0x81..0xBF) or the unsolicited 0x87.</summary>
    public bool IsReply => (Code & 0xC0) == 0x80;

    /// <summary>True for an error reply (code | 0xC0).</summary>
    public bool IsErrorReply => (Code & 0xC0) == 0xC0;

    /// <summary>The command this frame is, or answers (the low 6 bits; 0x87 stays <see cref="Ch9329Command.ReadCustomHid"/>).</summary>
    public Ch9329Command Command => Code == (byte)Ch9329Command.ReadCustomHid ? Ch9329Command.ReadCustomHid : (Ch9329Command)(Code & 0x3F);

    /// <summary>The status of a one-byte reply (ACK or error).</summary>
    public Ch9329Status Status => _data.Length == 1 ? (Ch9329Status)_data[0] : Ch9329Status.Success;

    public static byte Checksum(ReadOnlySpan<byte> bytes)
    {
        var sum = 0;
        foreach (var b in bytes)
        {
            sum += b;
        }

        return (byte)sum;
    }

    /// <summary>Writes the frame into <paramref name="destination"/> and returns the byte count.</summary>
    public int WriteTo(Span<byte> destination)
    {
        var length = Length;
        if (destination.Length < length)
        {
            throw new ArgumentException($"Destination holds {destination.Length} bytes; the frame needs {length}.", nameof(destination));
        }

        destination[0] = Head0;
        destination[1] = Head1;
        destination[2] = Address;
        destination[3] = Code;
        destination[4] = (byte)_data.Length;
        _data.CopyTo(destination[5..]);
        destination[length - 1] = Checksum(destination[..(length - 1)]);
        return length;
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Parses exactly one whole frame (for tests and fixtures); throws <see cref="ProtocolException"/>.</summary>
    public static Ch9329Frame Parse(ReadOnlySpan<byte> bytes)
    {
        var decoder = new Ch9329FrameDecoder();
        decoder.Append(bytes);
        if (!decoder.TryRead(out var frame) || decoder.Buffered != 0)
        {
            throw new ProtocolException(ProtocolError.BadLength, $"'{Hex(bytes)}' is not exactly one CH9329 frame.");
        }

        return frame;
    }

    public static string Hex(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    public override string ToString() => Hex(ToBytes());
}
