namespace Openterface.Hil.Imaging;

/// <summary>OCR could not run (missing tessdata or language, engine failure). The message names the value and the remedy.</summary>
public class OcrException : ImagingException
{
    public OcrException()
    {
    }

    public OcrException(string message)
        : base(message)
    {
    }

    public OcrException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
