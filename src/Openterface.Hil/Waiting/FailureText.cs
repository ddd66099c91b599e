using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>Playwright's failure layout: what was expected, what was seen, the timeout, the call log.</summary>
internal static class FailureText
{
    public static string Build(string header, string expected, string seen, Frame? frame, string timeout, IEnumerable<string> callLog)
    {
        return string.Join(
            '\n',
            [
                $"{header} failed",
                $"Expected: {expected}",
                $"Seen: {Seen(seen, frame)}",
                $"Timeout: {timeout}",
                "Call log:",
                .. callLog.Select(line => $"  - {line}"),
            ]);
    }

    /// <summary>"best score 0.81 at 12,40 (frame #431, 1024x768)".</summary>
    public static string Seen(string seen, Frame? frame) =>
        frame is null ? seen : $"{seen} (frame #{frame.Sequence}, {frame.Width}x{frame.Height})";
}
