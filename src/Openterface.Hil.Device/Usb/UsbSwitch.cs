using Openterface.Hil.Protocol;

namespace Openterface.Hil.Device;

/// <summary>
/// The Mini-KVM's switchable USB-A port, by control chip (the serial port's USB id): gen1 (CH340 1A86:7523 + CH9329)
/// switches through the MS2109 SPDIFOUT register over hidraw and then pulses DTR so the stick re-enumerates; gen2/3
/// (CH32V208 1A86:FE0C) write the same HID register where the hidraw node exists (as the macOS app does) and then send
/// serial command 0x17. Without a USB id (pty, TCP) the GET_INFO version byte decides (CH9329 reports 0x30 and up).
/// Every switch reads the position back.
/// </summary>
public sealed class UsbSwitch
{
    private readonly Ch9329Link _link;
    private readonly Func<IHidFeatureDevice?> _openHid;
    private readonly TimeProvider _time;
    private readonly ControlChip _chip;

    internal UsbSwitch(Ch9329Link link, Func<IHidFeatureDevice?> openHid, TimeProvider time, ControlChip chip = ControlChip.Unknown)
    {
        _link = link;
        _openHid = openHid;
        _time = time;
        _chip = chip;
    }

    /// <summary>How long DTR is held after a gen1 switch (Openterface QT: 0.5 s).</summary>
    public TimeSpan DtrPulse { get; set; } = TimeSpan.FromMilliseconds(500);

    public Task SwitchToTargetAsync(CancellationToken cancellationToken = default) => SwitchAsync(UsbSwitchPosition.Target, cancellationToken);

    public Task SwitchToHostAsync(CancellationToken cancellationToken = default) => SwitchAsync(UsbSwitchPosition.Host, cancellationToken);

    public async Task<UsbSwitchPosition> GetPositionAsync(CancellationToken cancellationToken = default)
    {
        if (await IsSerialSwitchAsync(cancellationToken).ConfigureAwait(false))
        {
            var reply = await _link.RequestAsync(Ch9329Requests.UsbSwitchQuery(), cancellationToken).ConfigureAwait(false);
            return Ch9329Replies.ParseUsbSwitch(reply.Data);
        }

        using var hid = OpenHid();
        var registers = new Ms2109Registers(hid);
        var bit = registers.SwitchBit();
        return (registers.Read(Ms2109Registers.SpdifOut) & bit) != 0 ? UsbSwitchPosition.Target : UsbSwitchPosition.Host;
    }

    private async Task SwitchAsync(UsbSwitchPosition position, CancellationToken cancellationToken)
    {
        if (await IsSerialSwitchAsync(cancellationToken).ConfigureAwait(false))
        {
            TryHidSwitch(position);
            var reply = await _link.RequestAsync(Ch9329Requests.UsbSwitch(position), cancellationToken).ConfigureAwait(false);
            var acknowledged = Ch9329Replies.ParseUsbSwitch(reply.Data);
            var now = await GetPositionAsync(cancellationToken).ConfigureAwait(false);
            if (now != position)
            {
                throw new DeviceException(
                    $"USB switch command 0x17 to '{position}' was acknowledged ('{acknowledged}') but the port reads back '{now}'. "
                    + "Some MS2109S + CH32V208 units ignore the command (Openterface QT issue #581): use the physical toggle.",
                    isTransient: false);
            }

            return;
        }

        using (var hid = OpenHid())
        {
            var registers = new Ms2109Registers(hid);
            var bit = registers.SwitchBit();
            var value = registers.Read(Ms2109Registers.SpdifOut);
            var wanted = position == UsbSwitchPosition.Target ? (byte)(value | bit) : (byte)(value & ~bit);
            registers.Write(Ms2109Registers.SpdifOut, wanted);
            var readBack = registers.Read(Ms2109Registers.SpdifOut);
            if ((readBack & bit) != (wanted & bit))
            {
                throw new DeviceException($"MS2109 SPDIFOUT register reads '{readBack:X2}' after writing '{wanted:X2}' on '{hid.Path}'; the USB switch did not move.", isTransient: true);
            }
        }

        // Power-cycle the USB-A device so it re-enumerates on its new side (reference §5.1).
        if (_link.Port is { } port)
        {
            await port.SetControlLinesAsync(dtr: true, rts: false, cancellationToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(DtrPulse, _time, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await port.SetControlLinesAsync(dtr: false, rts: false, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task<bool> IsSerialSwitchAsync(CancellationToken cancellationToken)
    {
        if (_chip != ControlChip.Unknown)
        {
            return _chip == ControlChip.Ch32V208;
        }

        var info = _link.LastInfo ?? await _link.GetInfoAsync(cancellationToken).ConfigureAwait(false);
        return info.Version < 0x30;
    }

    /// <summary>Gen2: the MS2109-style register write first, where a hidraw node exists (best effort; 0x17 decides).</summary>
    private void TryHidSwitch(UsbSwitchPosition position)
    {
        try
        {
            using var hid = _openHid();
            if (hid is null)
            {
                return;
            }

            var registers = new Ms2109Registers(hid);
            var bit = registers.SwitchBit();
            var value = registers.Read(Ms2109Registers.SpdifOut);
            registers.Write(Ms2109Registers.SpdifOut, position == UsbSwitchPosition.Target ? (byte)(value | bit) : (byte)(value & ~bit));
        }
        catch (DeviceException)
        {
        }
    }

    private IHidFeatureDevice OpenHid() =>
        _openHid() ?? throw new DeviceException(
            "This is a gen1 Mini-KVM (CH340 + CH9329): its USB switch is driven through the MS2109 HID device, and no /dev/hidrawN for 534d:2109 was found. "
            + "Set MiniKvmOptions.HidrawPath, or check the udev rule for hidraw access.",
            isTransient: false);
}
