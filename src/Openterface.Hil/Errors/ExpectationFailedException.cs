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
}
