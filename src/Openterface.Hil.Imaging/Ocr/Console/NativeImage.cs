using System.Drawing;
using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Imaging.Ocr;

/// <summary>
/// Part of a frame resampled back to the screen's native (text-mode) pixel grid: one native pixel is
/// <see cref="ScaleX"/> x <see cref="ScaleY"/> frame pixels. Origin (0,0) of the native grid is the frame's
/// top-left corner; this image covers native pixels from (<see cref="X0"/>, <see cref="Y0"/>).
/// </summary>
internal sealed class NativeImage : IDisposable
{
    private const int InterpolationArea = 3;
    private readonly Frame _bgr;

    private NativeImage(Frame bgr, int x0, int y0, int width, int height, double scaleX, double scaleY)
    {
        _bgr = bgr;
        X0 = x0;
        Y0 = y0;
        Width = width;
        Height = height;
        ScaleX = scaleX;
        ScaleY = scaleY;
    }

    internal int X0 { get; }

    internal int Y0 { get; }

    internal int Width { get; }

    internal int Height { get; }

    internal double ScaleX { get; }

    internal double ScaleY { get; }

    /// <summary>
    /// Resamples the native pixels covering <paramref name="region"/> plus a margin of a BGR frame (area
    /// interpolation straight from a view of the frame: no intermediate copy).
    /// </summary>
    internal static NativeImage Create(Frame frame, Rectangle region, double scaleX, double scaleY, int margin)
    {
        var nativeWidth = (int)Math.Floor((frame.Width / scaleX) + 0.01);
        var nativeHeight = (int)Math.Floor((frame.Height / scaleY) + 0.01);
        var x0 = Math.Max(0, (int)Math.Floor(region.X / scaleX) - margin);
        var y0 = Math.Max(0, (int)Math.Floor(region.Y / scaleY) - margin);
        var x1 = Math.Min(nativeWidth, (int)Math.Ceiling(region.Right / scaleX) + margin);
        var y1 = Math.Min(nativeHeight, (int)Math.Ceiling(region.Bottom / scaleY) + margin);
        var source = Rectangle.FromLTRB(
            (int)Math.Round(x0 * scaleX),
            (int)Math.Round(y0 * scaleY),
            Math.Min(frame.Width, (int)Math.Round(x1 * scaleX)),
            Math.Min(frame.Height, (int)Math.Round(y1 * scaleY)));
        var native = Frame.Allocate(x1 - x0, y1 - y0, PixelFormat.Bgr24);
        if (source.Width == native.Width && source.Height == native.Height)
        {
            var rowBytes = source.Width * 3;
            for (var y = 0; y < source.Height; y++)
            {
                frame.Pixels.Slice(((source.Y + y) * frame.Stride) + (source.X * 3), rowBytes).CopyTo(native.WritablePixels.Slice(y * rowBytes, rowBytes));
            }
        }
        else
        {
            HilCvNative.Check(HilCvNative.Resize(frame.View(source), native.View(), InterpolationArea), "Resampling to the text-mode grid");
        }

        return new NativeImage(native, x0, y0, x1 - x0, y1 - y0, scaleX, scaleY);
    }

    /// <summary>The BGR bytes of native row <paramref name="y"/> (absolute native coordinates).</summary>
    internal ReadOnlySpan<byte> Row(int y) => _bgr.Pixels.Slice((y - Y0) * Width * 3, Width * 3);

    public void Dispose() => _bgr.Dispose();

    internal bool Contains(int nativeX, int nativeY, int width, int height) =>
        nativeX >= X0 && nativeY >= Y0 && nativeX + width <= X0 + Width && nativeY + height <= Y0 + Height;
}
