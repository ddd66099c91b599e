using System.Runtime.InteropServices;
using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Video.Interop;

/// <summary>P/Invoke declarations for the video additions of native/hilcv (include/hilcv_videoio.h).</summary>
internal static unsafe partial class VideoNative
{
    internal const string Library = "hilcv";

    internal const int BufferTooSmall = -2;
    internal const int EndOfStream = -3;

    static VideoNative() => VideoNativeResolver.Ensure();

    /// <summary>The shim refuses views that reach past <c>dstCapacity</c> bytes (and overflowing sizes).</summary>
    [LibraryImport(Library, EntryPoint = "hilcv_decode_into")]
    internal static partial int DecodeInto(byte* bytes, int length, HilCvView* dst, long dstCapacity);

    [LibraryImport(Library, EntryPoint = "hilcv_encode_jpeg_into")]
    internal static partial int EncodeJpegInto(HilCvView* src, int quality, byte* dst, int capacity, out int length, long srcCapacity);

    [LibraryImport(Library, EntryPoint = "hilcv_videoio_available")]
    internal static partial int VideoIoAvailable();

    [LibraryImport(Library, EntryPoint = "hilcv_capture_open", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int CaptureOpen(string device, int width, int height, int fps, int bufferSize, out CaptureHandle capture);

    [LibraryImport(Library, EntryPoint = "hilcv_capture_info")]
    internal static partial int CaptureInfo(CaptureHandle capture, out int width, out int height, out double fps, out int fourcc, out int raw);

    [LibraryImport(Library, EntryPoint = "hilcv_capture_read")]
    internal static partial int CaptureRead(
        CaptureHandle capture, out byte* data, out int length, out int width, out int height, out int stride, out int isJpeg);

    [LibraryImport(Library, EntryPoint = "hilcv_capture_close")]
    internal static partial void CaptureClose(nint capture);

    /// <summary>The shim's description of its last failure on this thread.</summary>
    internal static string LastError() => Marshal.PtrToStringUTF8(HilCvNative.LastError()) ?? "unknown native error";
}
