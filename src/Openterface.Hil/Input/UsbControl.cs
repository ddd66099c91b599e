using Openterface.Hil.Protocol;

namespace Openterface.Hil;

/// <summary>The Mini-KVM's switchable USB-A port (a USB stick for installs, a debug dongle).</summary>
public sealed class UsbControl
{
    private readonly SessionCore _core;

    internal UsbControl(SessionCore core)
    {
        _core = core;
    }

    public async Task SwitchToTargetAsync(CancellationToken cancellationToken = default)
    {
        await _core.ActAsync("Switch USB to the target", new Dictionary<string, string> { ["position"] = "target" },
            "Switch USB to the target", InputKind.Other, ct => _core.Parts.Usb.SwitchAsync(UsbSwitchPosition.Target, ct), cancellationToken).ConfigureAwait(false);
    }

    public async Task SwitchToHostAsync(CancellationToken cancellationToken = default)
    {
        await _core.ActAsync("Switch USB to the host", new Dictionary<string, string> { ["position"] = "host" },
            "Switch USB to the host", InputKind.Other, ct => _core.Parts.Usb.SwitchAsync(UsbSwitchPosition.Host, ct), cancellationToken).ConfigureAwait(false);
    }

    public Task<UsbSwitchPosition> GetPositionAsync(CancellationToken cancellationToken = default) =>
        _core.Steps.RunAsync("Read the USB switch position", StepKind.Read, new Dictionary<string, string>(), _ =>
            _core.DeviceCallAsync("reading the USB switch position", ct => _core.Parts.Usb.GetPositionAsync(ct), cancellationToken));
}
