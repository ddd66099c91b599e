namespace Openterface.Hil.Device;

/// <summary>Switches the target's power: a smart plug, a relay, IPMI, or the QEMU virtual target.</summary>
public interface IPowerSwitch
{
    Task PowerOnAsync(CancellationToken cancellationToken);

    Task PowerOffAsync(CancellationToken cancellationToken);

    /// <summary>Hard reset (or off then on when the hardware has no reset line).</summary>
    Task ResetAsync(CancellationToken cancellationToken);
}
