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
    internal async ValueTask WaitAsync(int count, int baud, CancellationToken cancellationToken)
    {
        var now = Stopwatch.GetTimestamp();
        var start = Math.Max(now, _lineFreeAt);
        var end = start + (long)(count * 10.0 / baud * Stopwatch.Frequency);
        _lineFreeAt = end;
        var remaining = Stopwatch.GetElapsedTime(now, end);
        if (remaining > TimeSpan.FromMilliseconds(2))
        {
            await Task.Delay(remaining - TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
        }

        var spin = new SpinWait();
        while (Stopwatch.GetTimestamp() < end)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }
    }
}
