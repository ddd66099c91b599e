namespace Openterface.Hil;

/// <summary>A native library the framework needs (libhilcv, libtesseract) could not be loaded: a setup error.</summary>
public sealed class NativeLibraryMissingException : SetupException
{
    public NativeLibraryMissingException(string library, string remedy, Exception? innerException = null)
        : base($"Native library '{library}' could not be loaded. {remedy}", innerException)
    {
        Library = library;
    }

    public NativeLibraryMissingException()
    {
        Library = string.Empty;
    }

    public NativeLibraryMissingException(string message)
        : base(message)
    {
        Library = string.Empty;
    }

    public NativeLibraryMissingException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Library = string.Empty;
    }

    public string Library { get; }
}
