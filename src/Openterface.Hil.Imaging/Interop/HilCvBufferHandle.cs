using Microsoft.Win32.SafeHandles;

namespace Openterface.Hil.Imaging.Interop;

/// <summary>Owns an encoded <c>hilcv_buffer</c> (PNG or JPEG bytes held by the shim); releasing it frees them.</summary>
internal sealed class HilCvBufferHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public HilCvBufferHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        HilCvNative.BufferFree(handle);
        return true;
    }
}
