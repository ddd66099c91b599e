using System.Runtime.InteropServices;

namespace Openterface.Hil.Imaging.Interop;

/// <summary>Blittable mirror of <c>hilcv_view</c>: a view of pixels the caller owns.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct HilCvView
{
    public byte* Data;
    public int Width;
    public int Height;
    public int Stride;
    public int Channels;

    public HilCvView(byte* data, int width, int height, int stride, int channels)
    {
        Data = data;
        Width = width;
        Height = height;
        Stride = stride;
        Channels = channels;
    }
}
