using System.Runtime.InteropServices;

namespace Openterface.Hil.Imaging.Interop;

/// <summary>P/Invoke declarations for native/hilcv (see native/hilcv/include/hilcv.h).</summary>
internal static unsafe partial class HilCvNative
{
    internal const string Library = "hilcv";

    static HilCvNative() => NativeLibraries.EnsureResolver();

    [LibraryImport(Library, EntryPoint = "hilcv_abi_version")]
    internal static partial int AbiVersion();

    [LibraryImport(Library, EntryPoint = "hilcv_last_error")]
    internal static partial nint LastError();

    [LibraryImport(Library, EntryPoint = "hilcv_opencv_version")]
    internal static partial nint OpenCvVersion();

    [LibraryImport(Library, EntryPoint = "hilcv_decode")]
    internal static partial int Decode(byte* bytes, int length, int mode, out HilCvImageHandle image);

    [LibraryImport(Library, EntryPoint = "hilcv_image_view")]
    internal static partial int ImageView(HilCvImageHandle image, out HilCvView view);

    [LibraryImport(Library, EntryPoint = "hilcv_image_free")]
    internal static partial void ImageFree(nint image);

    [LibraryImport(Library, EntryPoint = "hilcv_encode", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Encode(in HilCvView src, string extension, int param, out HilCvBufferHandle buffer);

    [LibraryImport(Library, EntryPoint = "hilcv_buffer_data")]
    internal static partial int BufferData(HilCvBufferHandle buffer, out byte* data, out int length);

    [LibraryImport(Library, EntryPoint = "hilcv_buffer_free")]
    internal static partial void BufferFree(nint buffer);

    [LibraryImport(Library, EntryPoint = "hilcv_cvt_color")]
    internal static partial int CvtColor(in HilCvView src, in HilCvView dst, int code);

    [LibraryImport(Library, EntryPoint = "hilcv_resize")]
    internal static partial int Resize(in HilCvView src, in HilCvView dst, int interpolation);

    [LibraryImport(Library, EntryPoint = "hilcv_match_template")]
    internal static partial int MatchTemplate(
        in HilCvView image, in HilCvView templ, HilCvView* mask, int method, float* result, int resultStride);

    [LibraryImport(Library, EntryPoint = "hilcv_min_max_loc")]
    internal static partial int MinMaxLoc(
        float* data, int width, int height, int stride,
        out double minValue, out double maxValue, out int minX, out int minY, out int maxX, out int maxY);

    [LibraryImport(Library, EntryPoint = "hilcv_match_best")]
    internal static partial int MatchBest(
        in HilCvView image, in HilCvView templ, HilCvView* mask, int method, out double score, out int x, out int y);

    /// <summary>Throws an <see cref="ImagingException"/> carrying the shim's last error when <paramref name="rc"/> is negative.</summary>
    internal static void Check(int rc, string what)
    {
        if (rc < 0)
        {
            var detail = Marshal.PtrToStringUTF8(LastError()) ?? "unknown error";
            throw new ImagingException($"{what} failed: {detail}");
        }
    }
}
