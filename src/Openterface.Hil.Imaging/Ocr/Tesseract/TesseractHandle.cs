using Microsoft.Win32.SafeHandles;

namespace Openterface.Hil.Imaging.Ocr;

/// <summary>Owns a <c>TessBaseAPI</c>: releasing it ends and deletes the engine, once, even if a call is in flight.</summary>
internal sealed class TesseractHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public TesseractHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        TesseractNative.End(handle);
        TesseractNative.Delete(handle);
        return true;
    }
}
