namespace Openterface.Hil;

/// <summary>An operation's deadline elapsed (caller cancellation stays <see cref="OperationCanceledException"/>).</summary>
public class HilTimeoutException : HilException
{
    public HilTimeoutException()
    {
    }

    public HilTimeoutException(string message)
        : base(message)
    {
    }

    public HilTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public HilTimeoutException(string message, TimeSpan timeout, Exception? innerException = null)
        : base(message, innerException)
    {
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }
}
