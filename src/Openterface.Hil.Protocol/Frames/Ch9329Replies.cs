using System.Text;

namespace Openterface.Hil.Protocol;

/// <summary>Builds and reads reply frames (reference §2.3-2.13). Used by the emulator and by the link.</summary>
public static class Ch9329Replies
{
    public static Ch9329Frame Ack(Ch9329Command command, Ch9329Status status = Ch9329Status.Success) =>
        new((byte)((byte)command | 0x80), [(byte)status]);

    public static Ch9329Frame Error(Ch9329Command command, Ch9329Status status) =>
        new((byte)(((byte)command & 0x3F) | 0xC0), [(byte)status]);

    public static Ch9329Frame Info(ChipInfo info) => new(0x81, info.ToData());

    public static Ch9329Frame Parameters(ParameterBlock block) => new(0x88, block.ToData());

    public static Ch9329Frame UsbString(UsbStringKind kind, string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        var data = new byte[bytes.Length + 2];
        data[0] = (byte)kind;
        data[1] = (byte)bytes.Length;
        bytes.CopyTo(data, 2);
        return new Ch9329Frame(0x8A, data);
    }

    public static Ch9329Frame UsbSwitch(UsbSwitchPosition position) => new(0x97, [(byte)position]);

    /// <summary>Unsolicited 0x87: bytes the target wrote to the custom-HID interface.</summary>
    public static Ch9329Frame CustomHidReceived(ReadOnlySpan<byte> data) => new(Ch9329Command.ReadCustomHid, data);

    /// <summary>Throws <see cref="ProtocolException"/> (<see cref="ProtocolError.ErrorReply"/>) for an error frame or a non-zero status.</summary>
    public static void EnsureSuccess(Ch9329Frame reply)
    {
        if (reply.IsErrorReply || (reply.Data.Length == 1 && reply.Status != Ch9329Status.Success && reply.Command is not Ch9329Command.UsbSwitch))
        {
            var status = reply.Data.Length > 0 ? (Ch9329Status)reply.Data[0] : Ch9329Status.OperationFailed;
            throw new ProtocolException(ProtocolError.ErrorReply, $"CH9329 answered {reply.Command} with status '{(byte)status:X2}' ({status}).", status);
        }
    }

    public static (UsbStringKind Kind, string Text) ParseUsbString(ReadOnlySpan<byte> data)
    {
        if (data.Length < 2 || data[1] != data.Length - 2)
        {
            throw new ProtocolException(ProtocolError.BadPayload, $"USB string reply '{Ch9329Frame.Hex(data)}' is malformed.");
        }

        return ((UsbStringKind)data[0], Encoding.ASCII.GetString(data[2..]));
    }

    public static UsbSwitchPosition ParseUsbSwitch(ReadOnlySpan<byte> data)
    {
        if (data.Length != 1 || data[0] > 1)
        {
            throw new ProtocolException(ProtocolError.BadPayload, $"USB switch reply '{Ch9329Frame.Hex(data)}' is not 00 (host) or 01 (target).");
        }

        return (UsbSwitchPosition)data[0];
    }
}
