namespace Openterface.Hil.Device;

/// <summary>The CH9329 did not answer a request in time (transient; counted by the circuit breaker).</summary>
internal sealed class NoReplyException : DeviceException
{
    public NoReplyException(string message)
        : base(message, isTransient: true)
    {
    }
}

/// <summary>A port opened but GET_INFO got no valid answer at that baud (the probe moves on to the next rate).</summary>
internal sealed class ProbeFailedException : DeviceException
{
    public ProbeFailedException(string message, Exception? innerException)
        : base(message, isTransient: true, innerException)
    {
    }
}
