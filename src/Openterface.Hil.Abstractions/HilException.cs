namespace Openterface.Hil;

/// <summary>
/// The root of every exception Openterface.Hil raises on purpose. Catch it to handle "the framework said no";
/// argument misuse still raises the standard <see cref="ArgumentException"/> family.
/// </summary>
public class HilException : Exception
{
    public HilException()
    {
    }

    public HilException(string message)
        : base(message)
    {
    }

    public HilException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
