using Microsoft.Win32.SafeHandles;

namespace Openterface.Hil.Imaging.Interop;

/// <summary>Owns a decoded <c>hilcv_image</c> (a cv::Mat); releasing it frees the pixels.</summary>
internal sealed class HilCvImageHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public HilCvImageHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        HilCvNative.ImageFree(handle);
        return true;
    }
}
