namespace Openterface.Hil.Imaging;

/// <summary>Pixel layout of a <see cref="Frame"/>; the value is the number of 8-bit channels.</summary>
public enum PixelFormat
{
    Gray8 = 1,
    Bgr24 = 3,
}
