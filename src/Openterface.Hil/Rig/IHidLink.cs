using Openterface.Hil.Protocol;

namespace Openterface.Hil;

/// <summary>
/// The Mini-KVM link state (production: <see cref="MiniKvmPorts"/>): GET_INFO, the HID readiness wait and the
/// serial transcript used as evidence when the rig is at fault.
/// </summary>
internal interface IHidLink
{
    Task<ChipInfo> GetInfoAsync(CancellationToken cancellationToken);

    /// <summary>Returns when the target has enumerated the HID device (optionally proven by a Caps Lock LED round trip); throws otherwise.</summary>
    Task WaitUntilReadyAsync(TimeSpan timeout, bool verifyCapsLockRoundTrip, CancellationToken cancellationToken);

    /// <summary>Recent serial traffic, newest last, for rig-fault evidence.</summary>
    IReadOnlyList<string> Transcript { get; }
}
