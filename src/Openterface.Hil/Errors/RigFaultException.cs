namespace Openterface.Hil;

/// <summary>
/// The rig, not the product, is at fault: the Mini-KVM stopped answering, frames stopped, no signal, the HID link
/// lost enumeration. Reports file these as "broken" with <see cref="Evidence"/> attached.
/// </summary>
public class RigFaultException : HilException
{
    public RigFaultException()
    {
        Evidence = new Dictionary<string, string>();
    }

    public RigFaultException(string message)
        : base(message)
    {
        Evidence = new Dictionary<string, string>();
    }

    public RigFaultException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Evidence = new Dictionary<string, string>();
    }

    public RigFaultException(string message, IReadOnlyDictionary<string, string> evidence, Exception? innerException = null)
        : base(message, innerException)
    {
        Evidence = evidence;
    }

    /// <summary>Named facts: link health, last frame age, LED read-back.</summary>
    public IReadOnlyDictionary<string, string> Evidence { get; }
}
