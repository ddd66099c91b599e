namespace Openterface.Hil;

/// <summary>
/// Seam over the Mini-KVM link state (adapter: Openterface.Hil.Device.MiniKvm): GET_INFO, the HID readiness wait
/// and the serial transcript used as evidence when the rig is at fault.
/// </summary>
internal interface IHidLink
{
    /// <summary>GET_INFO: chip version, whether the target enumerated the HID device, lock LEDs (bit0 Num, bit1 Caps, bit2 Scroll).</summary>
    Task<HidLinkStatus> GetStatusAsync(CancellationToken cancellationToken);

    /// <summary>Returns when the target has enumerated the HID device (optionally proven by a Caps Lock LED round trip); throws otherwise.</summary>
    Task WaitUntilReadyAsync(TimeSpan timeout, bool verifyCapsLockRoundTrip, CancellationToken cancellationToken);

    /// <summary>Recent serial traffic, newest last, for rig-fault evidence.</summary>
    IReadOnlyList<string> Transcript { get; }
}

/// <summary>What GET_INFO reported.</summary>
internal sealed record HidLinkStatus(string Version, bool TargetEnumerated, byte Leds)
{
    public bool CapsLock => (Leds & 0x02) != 0;
}
