using System.Text.RegularExpressions;

namespace Openterface.Hil.Device;

/// <summary>How a console wait ended.</summary>
internal enum ConsoleWaitResult
{
    /// <summary>The pattern appeared after the barrier.</summary>
    Matched,

    /// <summary>The timeout elapsed without it.</summary>
    TimedOut,

    /// <summary>The console was gone longer than the grace period (a rig fault).</summary>
    Disconnected,
}

/// <summary>
/// The one console wait: searches the cleaned text after a barrier position on every arrival (and at least every
/// 100 ms of the link's clock), until the pattern appears, the timeout elapses or the console stays lost.
/// </summary>
internal static class ConsoleWait
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    public static async Task<(ConsoleWaitResult Result, ConsoleTextMatch? Match)> RunAsync(
        ConsoleLink link,
        Regex pattern,
        int from,
        TimeSpan timeout,
        TimeSpan disconnectGrace,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var changed = link.Transcript.WaitForChangeAsync(cancellationToken);
            if (link.Transcript.Find(pattern, from) is { } match)
            {
                return (ConsoleWaitResult.Matched, match);
            }

            if (link.State == LinkState.Disconnected && link.DisconnectedFor >= disconnectGrace)
            {
                return (ConsoleWaitResult.Disconnected, null);
            }

            var remaining = timeout - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                return (ConsoleWaitResult.TimedOut, null);
            }

            var delay = Task.Delay(remaining < Tick ? remaining : Tick, time, cancellationToken);
            await Task.WhenAny(changed, delay).ConfigureAwait(false);
        }
    }
}
