using System.Runtime.InteropServices;

namespace Openterface.Hil.Imaging.Interop;

/// <summary>P/Invoke declarations for native/hilcv/include/hilcv_matching.h.</summary>
internal static unsafe partial class HilCvNative
{
    [LibraryImport(Library, EntryPoint = "hilcv_pyr_down")]
    internal static partial int PyrDown(in HilCvView src, in HilCvView dst);

    [LibraryImport(Library, EntryPoint = "hilcv_gaussian_blur")]
    internal static partial int GaussianBlur(in HilCvView src, in HilCvView dst, int kernelSize);

    [LibraryImport(Library, EntryPoint = "hilcv_mean_std")]
    internal static partial int MeanStd(in HilCvView src, HilCvView* mask, double* mean4, double* std4);

    [LibraryImport(Library, EntryPoint = "hilcv_frame_diff")]
    internal static partial int FrameDiff(
        in HilCvView a, in HilCvView b, int threshold, int* ignoreXywh, int ignoreCount,
        out long changed, out int x, out int y, out int width, out int height);

    [LibraryImport(Library, EntryPoint = "hilcv_match_template_masked")]
    internal static partial int MatchTemplateMasked(
        in HilCvView image, in HilCvView templ, HilCvView* mask, int method, float* result, int resultStride);

    [LibraryImport(Library, EntryPoint = "hilcv_diff_image")]
    internal static partial int DiffImage(in HilCvView a, in HilCvView b, in HilCvView dst);

    [LibraryImport(Library, EntryPoint = "hilcv_grey_blur3")]
    internal static partial int GreyBlur3(in HilCvView src, in HilCvView dst);

    [LibraryImport(Library, EntryPoint = "hilcv_confirm_absdiff")]
    internal static partial int ConfirmAbsDiff(
        in HilCvView image, in HilCvView templ, HilCvView* mask, int normed, double threshold, int erodePasses, out long remaining);
}
