using System.Runtime.InteropServices;

namespace Openterface.Hil.Imaging.Ocr;

/// <summary>
/// [LibraryImport] over Debian's libtesseract.so.5 C API (tesseract/capi.h). <see cref="EnsureLoaded"/> must run
/// first: it sets OMP_THREAD_LIMIT=1 through libc (Environment.SetEnvironmentVariable does not reach libc, and
/// OpenMP reads it once at load; one thread is 4-7x faster on 2 shared cores) and turns a missing library into
/// a <see cref="NativeLibraryMissingException"/>.
/// </summary>
internal static unsafe partial class TesseractNative
{
    internal const string Library = "libtesseract.so.5";
    internal const int PageSegModeAuto = 3;
    internal const int PageSegModeSingleBlock = 6;
    internal const int PageSegModeSingleLine = 7;
    internal const int PageSegModeSingleWord = 8;
    internal const int PageSegModeSingleCharacter = 10;
    internal const int PageSegModeSparseText = 11;
    internal const int OcrEngineModeLstm = 1;
    internal const int LevelTextLine = 2;
    internal const int LevelWord = 3;

    private static readonly string Remedy = SetupRemedies.Install(SetupRemedies.Tesseract);
    private static readonly Lock Gate = new();
    private static bool _loaded;

    internal static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_loaded)
            {
                return;
            }

            _ = SetEnv("OMP_THREAD_LIMIT", "1", 1);
            if (!NativeLibrary.TryLoad(Library, typeof(TesseractNative).Assembly, null, out _))
            {
                throw new NativeLibraryMissingException(Library, Remedy);
            }

            _loaded = true;
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport(Library, EntryPoint = "TessBaseAPICreate")]
    internal static partial TesseractHandle Create();

    [LibraryImport(Library, EntryPoint = "TessBaseAPIDelete")]
    internal static partial void Delete(nint handle);

    [LibraryImport(Library, EntryPoint = "TessBaseAPIEnd")]
    internal static partial void End(nint handle);

    [LibraryImport(Library, EntryPoint = "TessBaseAPIInit4", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Init4(
        TesseractHandle handle, string dataPath, string language, int mode, nint configs, int configsSize,
        nint varsVec, nint varsValues, nuint varsSize, [MarshalAs(UnmanagedType.I4)] bool setOnlyNonDebugParams);

    [LibraryImport(Library, EntryPoint = "TessBaseAPISetVariable", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SetVariable(TesseractHandle handle, string name, string value);

    [LibraryImport(Library, EntryPoint = "TessBaseAPISetPageSegMode")]
    internal static partial void SetPageSegMode(TesseractHandle handle, int mode);

    [LibraryImport(Library, EntryPoint = "TessBaseAPISetImage")]
    internal static partial void SetImage(TesseractHandle handle, byte* data, int width, int height, int bytesPerPixel, int bytesPerLine);

    [LibraryImport(Library, EntryPoint = "TessBaseAPISetSourceResolution")]
    internal static partial void SetSourceResolution(TesseractHandle handle, int ppi);

    [LibraryImport(Library, EntryPoint = "TessBaseAPIRecognize")]
    internal static partial int Recognize(TesseractHandle handle, nint monitor);

    [LibraryImport(Library, EntryPoint = "TessBaseAPIGetIterator")]
    internal static partial TesseractResultIteratorHandle GetIterator(TesseractHandle handle);

    [LibraryImport(Library, EntryPoint = "TessBaseAPIClear")]
    internal static partial void Clear(TesseractHandle handle);

    [LibraryImport(Library, EntryPoint = "TessResultIteratorDelete")]
    internal static partial void ResultIteratorDelete(nint iterator);

    [LibraryImport(Library, EntryPoint = "TessResultIteratorNext")]
    internal static partial int ResultIteratorNext(TesseractResultIteratorHandle iterator, int level);

    [LibraryImport(Library, EntryPoint = "TessResultIteratorGetUTF8Text")]
    internal static partial nint ResultIteratorGetUtf8Text(TesseractResultIteratorHandle iterator, int level);

    [LibraryImport(Library, EntryPoint = "TessResultIteratorConfidence")]
    internal static partial float ResultIteratorConfidence(TesseractResultIteratorHandle iterator, int level);

    [LibraryImport(Library, EntryPoint = "TessResultIteratorGetPageIteratorConst")]
    internal static partial nint ResultIteratorGetPageIterator(TesseractResultIteratorHandle iterator);

    [LibraryImport(Library, EntryPoint = "TessPageIteratorIsAtBeginningOf")]
    internal static partial int PageIteratorIsAtBeginningOf(nint iterator, int level);

    [LibraryImport(Library, EntryPoint = "TessPageIteratorBoundingBox")]
    internal static partial int PageIteratorBoundingBox(nint iterator, int level, out int left, out int top, out int right, out int bottom);

    [LibraryImport(Library, EntryPoint = "TessDeleteText")]
    internal static partial void DeleteText(nint text);
}
