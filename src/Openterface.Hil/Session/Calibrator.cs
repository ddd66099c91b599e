using Openterface.Hil.Protocol;

namespace Openterface.Hil;

/// <summary>
/// Measures the rig: the frame interval over a few frames, and the HID round trip (Caps Lock pressed until the
/// target's LED echo comes back over GET_INFO; pressed again to restore). Key-to-pixel latency is estimated as
/// two frame intervals plus the round trip, because a harmless key changes no pixels on most screens.
/// </summary>
internal sealed class Calibrator
{
    private const int Frames = 6;
    private static readonly TimeSpan LedWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LedPoll = TimeSpan.FromMilliseconds(10);

    private readonly RigActions _actions;
    private readonly ScreenService _screen;
    private readonly SessionContext _session;
    private readonly Keyboard _keyboard;

    public Calibrator(RigActions actions, Keyboard keyboard)
    {
        _actions = actions;
        _screen = actions.Screen;
        _session = actions.Session;
        _keyboard = keyboard;
    }

    public async Task<LatencyCalibration> MeasureAsync(CancellationToken cancellationToken)
    {
        var interval = await FrameIntervalAsync(cancellationToken).ConfigureAwait(false);
        var roundTrip = await CapsLockRoundTripAsync(cancellationToken).ConfigureAwait(false);
        var latency = (2 * interval) + (roundTrip ?? TimeSpan.Zero);
        var factor = Math.Clamp(latency / LatencyCalibration.Nominal, 1.0, 10.0);
        OperatorLog.Calibrated(
            _session.Logger,
            Durations.Format(interval),
            roundTrip is { } r ? Durations.Format(r) : "unknown (no LED echo)",
            factor.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        return new LatencyCalibration(interval, roundTrip, latency, factor);
    }

    private async Task<TimeSpan> FrameIntervalAsync(CancellationToken cancellationToken)
    {
        var timeout = _screen.Resolve(null).Timeout;
        var stamps = new List<long>();
        await _screen.Frames.RunAsync(_session.Time.GetTimestamp(), timeout, (frame, _) =>
        {
            stamps.Add(frame.Timestamp);
            return ValueTask.FromResult(stamps.Count >= Frames);
        }, e => _screen.VideoFault("Calibration", timeout, Barrier.Start, e), cancellationToken).ConfigureAwait(false);
        if (stamps.Count < Frames)
        {
            throw _screen.VideoFault("Calibration", timeout, Barrier.Start, null);
        }

        var intervals = stamps.Zip(stamps.Skip(1), (a, b) => _session.Time.GetElapsedTime(a, b)).Order().ToList();
        return intervals[intervals.Count / 2];
    }

    private async Task<TimeSpan?> CapsLockRoundTripAsync(CancellationToken cancellationToken)
    {
        var initial = await _actions.DeviceCallAsync("reading the LEDs", ct => _actions.Link.GetInfoAsync(ct), cancellationToken)
            .ConfigureAwait(false);
        var started = _session.Time.GetTimestamp();
        await _keyboard.PressAsync("capslock", cancellationToken).ConfigureAwait(false);
        var toggled = await WaitForCapsAsync(!initial.Leds.HasFlag(LockLeds.CapsLock), cancellationToken).ConfigureAwait(false);
        TimeSpan? roundTrip = toggled ? _session.Time.GetElapsedTime(started) : null;
        if (toggled)
        {
            // Put Caps Lock back as the target had it.
            await _keyboard.PressAsync("capslock", cancellationToken).ConfigureAwait(false);
            await WaitForCapsAsync(initial.Leds.HasFlag(LockLeds.CapsLock), cancellationToken).ConfigureAwait(false);
        }

        return roundTrip;
    }

    private async Task<bool> WaitForCapsAsync(bool wanted, CancellationToken cancellationToken)
    {
        var started = _session.Time.GetTimestamp();
        while (true)
        {
            var status = await _actions.DeviceCallAsync("reading the LEDs", ct => _actions.Link.GetInfoAsync(ct), cancellationToken)
                .ConfigureAwait(false);
            if (status.Leds.HasFlag(LockLeds.CapsLock) == wanted)
            {
                return true;
            }

            if (_session.Time.GetElapsedTime(started) >= LedWait)
            {
                return false;
            }

            await Task.Delay(LedPoll, _session.Time, cancellationToken).ConfigureAwait(false);
        }
    }
}
