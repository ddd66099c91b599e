namespace Openterface.Hil;

/// <summary>Seam over the Mini-KVM's switchable USB-A port (adapter: Openterface.Hil.Device.UsbSwitch).</summary>
internal interface IUsbSwitchPort
{
    Task SwitchToTargetAsync(CancellationToken cancellationToken);

    Task SwitchToHostAsync(CancellationToken cancellationToken);

    Task<UsbPosition> GetPositionAsync(CancellationToken cancellationToken);
}
