using Openterface.Hil.Device;

namespace Openterface.Hil;

/// <summary>
/// What a virtual rig launcher returns for "sim:qemu" / "sim:console": URIs the session opens exactly like a real
/// rig's, the virtual power switch, and the simulator's lifetime (disposed when the session ends).
/// </summary>
public sealed record VirtualRigEndpoints(
    string SerialUri,
    string VideoUri,
    IPowerSwitch? PowerSwitch,
    IAsyncDisposable? Lifetime)
{
    /// <summary>The target's serial console (the simulator's UART port), when the rig has one.</summary>
    public string? ConsoleUri { get; init; }
}
