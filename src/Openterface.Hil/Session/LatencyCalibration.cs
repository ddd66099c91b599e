namespace Openterface.Hil;

/// <summary>
/// What <see cref="HilSession.CalibrateAsync"/> measured. <see cref="EstimatedLatency"/> = two frame intervals plus
/// the HID round trip; <see cref="TimeoutFactor"/> = that over the nominal 140 ms, clamped to 1..10.
/// </summary>
public sealed record LatencyCalibration(
    TimeSpan FrameInterval,
    TimeSpan? InputRoundTrip,
    TimeSpan EstimatedLatency,
    double TimeoutFactor)
{
    /// <summary>The latency the built-in timeouts assume (Openterface's published key-to-screen figure).</summary>
    public static readonly TimeSpan Nominal = TimeSpan.FromMilliseconds(140);
}
