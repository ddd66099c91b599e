using Openterface.Hil.Protocol;

namespace Openterface.Hil;

/// <summary>The Mini-KVM's switchable USB-A port (a USB stick for installs, a debug dongle).</summary>
public sealed class UsbControl
{
    private readonly RigActions _actions;
    private readonly IUsbSwitchPort _port;

    internal UsbControl(RigActions actions, IUsbSwitchPort port)
    {
        _actions = actions;
        _port = port;
    }

    public async Task SwitchToTargetAsync(CancellationToken cancellationToken = default)
    {
        await _actions.ActAsync("Switch USB to the target", new Dictionary<string, string> { ["position"] = "target" },
            "Switch USB to the target", InputKind.Other, ct => _port.SwitchAsync(UsbSwitchPosition.Target, ct), cancellationToken).ConfigureAwait(false);
    }

    public async Task SwitchToHostAsync(CancellationToken cancellationToken = default)
    {
        await _actions.ActAsync("Switch USB to the host", new Dictionary<string, string> { ["position"] = "host" },
            "Switch USB to the host", InputKind.Other, ct => _port.SwitchAsync(UsbSwitchPosition.Host, ct), cancellationToken).ConfigureAwait(false);
    }

    public Task<UsbSwitchPosition> GetPositionAsync(CancellationToken cancellationToken = default) =>
        _actions.Session.Steps.RunAsync("Read the USB switch position", StepKind.Read, new Dictionary<string, string>(), _ =>
            _actions.DeviceCallAsync("reading the USB switch position", ct => _port.GetPositionAsync(ct), cancellationToken));
}
