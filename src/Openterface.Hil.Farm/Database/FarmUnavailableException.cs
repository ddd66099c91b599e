namespace Openterface.Hil.Farm;

/// <summary>The farm's PostgreSQL server could not be reached even after retrying. A rig fault: the product is not to blame.</summary>
public sealed class FarmUnavailableException : RigFaultException
{
    public FarmUnavailableException()
    {
    }

    public FarmUnavailableException(string message)
        : base(message)
    {
    }

    public FarmUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
