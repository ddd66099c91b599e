namespace Openterface.Hil;

/// <summary>
/// This machine lacks something the framework needs (a native library, a tool, tessdata, the virtual-target image,
/// a settings file it may trust). Never a rig fault and never a product failure: the message names the remedy, and
/// the NUnit/Allure layer reports it as broken in the "Setup" category.
/// </summary>
public class SetupException : HilException
{
    public SetupException()
    {
    }

    public SetupException(string message)
        : base(message)
    {
    }

    public SetupException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
