namespace Openterface.Hil.Imaging;

/// <summary>An image could not be decoded, encoded or analysed. The message names the file or value and the remedy.</summary>
public class ImagingException : HilException
{
    public ImagingException()
    {
    }

    public ImagingException(string message)
        : base(message)
    {
    }

    public ImagingException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
