using Openterface.Hil.Protocol;

namespace Openterface.Hil.Device;

public sealed partial class MiniKvm
{
    /// <summary>
    /// Waits until the target has enumerated the CH9329's keyboard/mouse (GET_INFO byte 1). With
    /// <paramref name="verifyCapsLockRoundTrip"/> also proves the target processes input: toggles Caps Lock, waits
    /// for its LED in GET_INFO, and toggles it back. Throws a non-transient <see cref="DeviceException"/> naming why.
    /// </summary>
    public async Task WaitUntilHidReadyAsync(TimeSpan timeout, bool verifyCapsLockRoundTrip = false, CancellationToken cancellationToken = default)
    {
        var poll = TimeSpan.FromMilliseconds(100);
        var start = _time.GetTimestamp();
        var info = await GetInfoAsync(cancellationToken).ConfigureAwait(false);
        while (!info.TargetEnumerated)
        {
            if (_time.GetElapsedTime(start) >= timeout)
            {
                throw new DeviceException(
                    $"The target has not enumerated the Mini-KVM's keyboard/mouse within {timeout.TotalSeconds:0.#}s (GET_INFO reports USB not connected). "
                    + "Check the target-side USB cable and that the target is powered on and past its USB initialisation.",
                    isTransient: false);
            }

            await Task.Delay(poll, _time, cancellationToken).ConfigureAwait(false);
            info = await GetInfoAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!verifyCapsLockRoundTrip)
        {
            return;
        }

        var before = info.Leds & LockLeds.CapsLock;
        await Keyboard.PressAsync("capslock", cancellationToken).ConfigureAwait(false);
        try
        {
            await WaitForCapsAsync(before ^ LockLeds.CapsLock, start, timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await Keyboard.PressAsync("capslock", CancellationToken.None).ConfigureAwait(false);
        }

        await WaitForCapsAsync(before, start, timeout, cancellationToken).ConfigureAwait(false);
    }

    private async Task WaitForCapsAsync(LockLeds wanted, long start, TimeSpan timeout, CancellationToken cancellationToken)
    {
        while (true)
        {
            var info = await GetInfoAsync(cancellationToken).ConfigureAwait(false);
            if ((info.Leds & LockLeds.CapsLock) == wanted)
            {
                return;
            }

            if (_time.GetElapsedTime(start) >= timeout)
            {
                throw new DeviceException(
                    $"Caps Lock LED stayed {(wanted == LockLeds.None ? "on" : "off")} within {timeout.TotalSeconds:0.#}s after pressing Caps Lock: the target is not processing keyboard input "
                    + "(it may be asleep, at a screen that ignores the keyboard, or the LED report is not sent). Wake the target or skip the Caps Lock check.",
                    isTransient: false);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
