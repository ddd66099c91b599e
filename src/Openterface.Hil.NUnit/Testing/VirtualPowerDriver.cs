using Openterface.Hil.Device;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.NUnit;

/// <summary>The simulator's power button as a session power driver.</summary>
internal sealed class VirtualPowerDriver(IVirtualTarget target) : IPowerSwitch
{
    public Task PowerOnAsync(CancellationToken cancellationToken = default) => target.PowerAsync(VirtualPowerAction.On, cancellationToken).AsTask();

    public Task PowerOffAsync(CancellationToken cancellationToken = default) => target.PowerAsync(VirtualPowerAction.Off, cancellationToken).AsTask();

    public Task ResetAsync(CancellationToken cancellationToken = default) => target.PowerAsync(VirtualPowerAction.Reset, cancellationToken).AsTask();
}
