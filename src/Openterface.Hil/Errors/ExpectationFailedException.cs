using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>
/// The target did not show what was expected within the timeout: a product failure. The message follows
/// Playwright's layout (expected, seen, timeout, call log); <see cref="CallLog"/> holds the attempts.
/// </summary>
public class ExpectationFailedException : HilException
{
    public ExpectationFailedException()
    {
        CallLog = [];
    }

    public ExpectationFailedException(string message)
        : base(message)
    {
        CallLog = [];
    }

    public ExpectationFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
        CallLog = [];
    }

    public ExpectationFailedException(string message, IReadOnlyList<string> callLog, Exception? innerException = null)
        : base(message, innerException)
    {
        CallLog = callLog;
    }

    public IReadOnlyList<string> CallLog { get; }

    /// <summary>The timeout the wait ran with, when it was a wait.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The last frame the wait evaluated (a share the exception keeps; may be null when no frame arrived).</summary>
    public Frame? LastFrame { get; init; }

    /// <summary>Evidence for reports: last frame, match overlay, needle, diff (PNG) and the call log (text).</summary>
    public IReadOnlyList<StepAttachment> Attachments { get; init; } = [];

    /// <summary>The "Seen:" line, for operations that retry waits and report the last one.</summary>
    internal string? Seen { get; init; }
}
