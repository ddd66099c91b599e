using System.Runtime.InteropServices;

namespace Openterface.Hil.Imaging.Interop;

/// <summary>P/Invoke declarations for native/hilcv/include/hilcv_capture.h.</summary>
internal static unsafe partial class HilCvNative
{
    /// <summary>Returned when the destination is too small; the length holds the size needed.</summary>
    internal const int BufferTooSmall = -2;

    [LibraryImport(Library, EntryPoint = "hilcv_encode_jpeg_sampled")]
    internal static partial int EncodeJpegSampled(in HilCvView src, int quality, int subsampling, byte* dst, int capacity, out int length);
}
