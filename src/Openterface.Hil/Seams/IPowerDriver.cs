namespace Openterface.Hil;

/// <summary>
/// Switches the target's power: a relay, a smart plug, IPMI, or the simulator's virtual power. Pass an instance in
/// <see cref="HilOptions.PowerSwitch"/> to use your own hardware.
/// </summary>
public interface IPowerDriver
{
    Task PowerOnAsync(CancellationToken cancellationToken = default);

    Task PowerOffAsync(CancellationToken cancellationToken = default);

    Task ResetAsync(CancellationToken cancellationToken = default);
}
