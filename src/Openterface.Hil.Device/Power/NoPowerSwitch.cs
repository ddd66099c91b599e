namespace Openterface.Hil.Device;

/// <summary>The default when a rig has no power control: every call fails with what to configure.</summary>
public sealed class NoPowerSwitch : IPowerSwitch
{
    public static NoPowerSwitch Instance { get; } = new();

    public Task PowerOnAsync(CancellationToken cancellationToken) => throw NotConfigured("power on");

    public Task PowerOffAsync(CancellationToken cancellationToken) => throw NotConfigured("power off");

    public Task ResetAsync(CancellationToken cancellationToken) => throw NotConfigured("reset");

    private static DeviceException NotConfigured(string action) =>
        new($"Cannot {action} the target: no power switch is configured for this rig. "
            + "Configure one in hil.json (\"power\": { \"on\": \"<command>\", \"off\": \"<command>\", \"reset\": \"<command>\" }, e.g. a smart-plug CLI) "
            + "or use the simulator's QEMU target.",
            isTransient: false);
}
