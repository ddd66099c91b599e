namespace Openterface.Hil.Device;

/// <summary>The CH9329 did not answer a request in time (transient; counted by the circuit breaker).</summary>
internal sealed class NoReplyException : DeviceException
{
    public NoReplyException(string message)
        : base(message, isTransient: true)
    {
    }
}
