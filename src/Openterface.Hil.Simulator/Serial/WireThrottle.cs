using System.Diagnostics;

namespace Openterface.Hil.Simulator;

/// <summary>
/// Paces one direction of a serial line to wire time (10 bits per byte: start, 8 data, stop). A pty or a socket
/// delivers instantly; this makes the emulator behave like a UART at the chip's baud.
/// </summary>
internal sealed class WireThrottle
{
    private long _lineFreeAt;

    /// <summary>Waits until <paramref name="count"/> bytes would have crossed the wire at <paramref name="baud"/>.</summary>
    internal async ValueTask WaitAsync(int count, int baud, CancellationToken cancellationToken, long? arrivedAt = null)
    {
        var now = Stopwatch.GetTimestamp();
        var start = Math.Max(arrivedAt ?? now, _lineFreeAt);
        var end = start + (long)(count * 10.0 / baud * Stopwatch.Frequency);
        _lineFreeAt = end;
        var remaining = Stopwatch.GetElapsedTime(now, end);
        // Timers overshoot by a millisecond or more on a busy machine: sleep only the bulk, spin the rest.
        if (remaining > TimeSpan.FromMilliseconds(6))
        {
            await Task.Delay(remaining - TimeSpan.FromMilliseconds(5), cancellationToken).ConfigureAwait(false);
        }

        var spin = new SpinWait();
        while (Stopwatch.GetTimestamp() < end)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }
    }
}
