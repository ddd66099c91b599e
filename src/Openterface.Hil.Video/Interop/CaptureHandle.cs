using Microsoft.Win32.SafeHandles;

namespace Openterface.Hil.Video.Interop;

/// <summary>Owns a native <c>hilcv_capture</c> (a cv::VideoCapture); closing it releases the device.</summary>
internal sealed class CaptureHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public CaptureHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        VideoNative.CaptureClose(handle);
        return true;
    }
}
