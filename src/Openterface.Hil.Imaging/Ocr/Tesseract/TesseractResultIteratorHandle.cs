using Microsoft.Win32.SafeHandles;

namespace Openterface.Hil.Imaging.Ocr;

/// <summary>Owns a <c>TessResultIterator</c> (its page iterator belongs to it and needs no release of its own).</summary>
internal sealed class TesseractResultIteratorHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public TesseractResultIteratorHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        TesseractNative.ResultIteratorDelete(handle);
        return true;
    }
}
