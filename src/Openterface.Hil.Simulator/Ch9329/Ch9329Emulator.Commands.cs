using System.Buffers.Binary;
using Openterface.Hil.Protocol;

namespace Openterface.Hil.Simulator;

/// <summary>What each command does (reference §2.2-2.12).</summary>
public sealed partial class Ch9329Emulator
{
    private async ValueTask<Ch9329Frame> ExecuteAsync(Ch9329Frame frame, CancellationToken cancellationToken)
    {
        var data = frame.Data.ToArray();
        var command = frame.Command;
        switch (command)
        {
            case Ch9329Command.GetInfo:
                return Ch9329Replies.Info(CurrentInfo());

            case Ch9329Command.SendKeyboard when data.Length == KeyboardReport.Size:
                var (modifiers, usages) = KeyboardReport.Parse(data).Fold();
                await _target.KeyboardStateAsync((byte)modifiers, usages, cancellationToken).ConfigureAwait(false);
                return Ch9329Replies.Ack(command);

            case Ch9329Command.SendMedia when (data.Length == 2 && data[0] == 0x01) || (data.Length == 4 && data[0] is 0x01 or 0x02):
                OtherReports.Enqueue(frame);
                return Ch9329Replies.Ack(command);

            case Ch9329Command.SendMouseAbsolute when data.Length == 7:
                if (data[0] == 0x02)
                {
                    // Openterface clamps to 0..4096; the chip keeps 13 bits (NANO measured 8192 wrapping to 0).
                    var x = Math.Min(BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(2)) & 0x1FFF, AbsolutePointer.Max);
                    var y = Math.Min(BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(4)) & 0x1FFF, AbsolutePointer.Max);
                    await _target.PointerAbsoluteAsync(x, y, (byte)(data[1] & 0x07), (sbyte)data[6], cancellationToken).ConfigureAwait(false);
                }

                return Ch9329Replies.Ack(command);

            case Ch9329Command.SendMouseRelative when data.Length == 5:
                if (data[0] == 0x01)
                {
                    await _target.PointerRelativeAsync((sbyte)data[2], (sbyte)data[3], (byte)(data[1] & 0x07), (sbyte)data[4], cancellationToken).ConfigureAwait(false);
                }

                return Ch9329Replies.Ack(command);

            case Ch9329Command.SendCustomHid:
                OtherReports.Enqueue(frame);
                return Ch9329Replies.Ack(command);

            case Ch9329Command.GetParameters or Ch9329Command.SetParameters or Ch9329Command.SetDefaultConfig or Ch9329Command.Reset
                when !Options.HasParameterBlock:
                return Ch9329Replies.Error(command, Ch9329Status.UnknownCommand);

            case Ch9329Command.GetParameters when data.Length == 0:
                return Ch9329Replies.Parameters(Parameters);

            case Ch9329Command.SetParameters when data.Length == ParameterBlock.Size:
                _pending = ParameterBlock.Parse(data);
                return Ch9329Replies.Ack(command);

            case Ch9329Command.GetUsbString when data.Length == 1 && data[0] <= 2:
                return Ch9329Replies.UsbString((UsbStringKind)data[0], _strings[data[0]]);

            case Ch9329Command.SetUsbString when data.Length >= 2 && data[0] <= 2 && data[1] <= Ch9329Requests.MaxUsbStringLength && data[1] == data.Length - 2:
                _strings[data[0]] = System.Text.Encoding.ASCII.GetString(data, 2, data[1]);
                return Ch9329Replies.Ack(command);

            case Ch9329Command.SetDefaultConfig when data.Length == 0:
                _pending = ParameterBlock.FactoryDefault;
                DefaultStrings.CopyTo(_strings, 0);
                Faults.Zombie = false;
                return Ch9329Replies.Ack(command);

            case Ch9329Command.Reset when data.Length == 0:
                return Ch9329Replies.Ack(command);

            case Ch9329Command.UsbSwitch when !Options.SupportsUsbSwitchCommand:
                return Ch9329Replies.Error(command, Ch9329Status.UnknownCommand);

            case Ch9329Command.UsbSwitch when data.Length == 5 && data[4] is 0x00 or 0x01:
                await _target.SetUsbSwitchAsync(data[4] == 0x01, cancellationToken).ConfigureAwait(false);
                return Ch9329Replies.UsbSwitch(_target.UsbSwitchToTarget ? UsbSwitchPosition.Target : UsbSwitchPosition.Host);

            case Ch9329Command.UsbSwitch when data.Length == 5 && data[4] == 0x03:
                return Ch9329Replies.UsbSwitch(_target.UsbSwitchToTarget ? UsbSwitchPosition.Target : UsbSwitchPosition.Host);

            case Ch9329Command.GetInfo or Ch9329Command.SendKeyboard or Ch9329Command.SendMedia or Ch9329Command.SendMouseAbsolute
                or Ch9329Command.SendMouseRelative or Ch9329Command.GetParameters or Ch9329Command.SetParameters
                or Ch9329Command.GetUsbString or Ch9329Command.SetUsbString or Ch9329Command.SetDefaultConfig
                or Ch9329Command.Reset or Ch9329Command.UsbSwitch:
                return Ch9329Replies.Error(command, Ch9329Status.BadParameter);

            default:
                return Ch9329Replies.Error(command, Ch9329Status.UnknownCommand);
        }
    }
}
