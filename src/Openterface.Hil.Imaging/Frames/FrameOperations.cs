using System.Drawing;
using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Imaging;

/// <summary>Copies and conversions of frames through OpenCV; every result is a new pooled frame.</summary>
public static class FrameOperations
{
    private const int ColorBgr2Gray = 6;
    private const int ColorGray2Bgr = 8;

    /// <summary>A grey copy (or a shared reference when the frame is already grey).</summary>
    public static Frame ToGray(this Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Format == PixelFormat.Gray8)
        {
            return frame.Share();
        }

        var grey = Frame.Allocate(frame.Width, frame.Height, PixelFormat.Gray8).WithInfoFrom(frame);
        HilCvNative.Check(HilCvNative.CvtColor(frame.View(), grey.View(), ColorBgr2Gray), "Converting to grey");
        return grey;
    }

    /// <summary>A BGR copy (or a shared reference when the frame is already BGR).</summary>
    public static Frame ToBgr(this Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Format == PixelFormat.Bgr24)
        {
            return frame.Share();
        }

        var bgr = Frame.Allocate(frame.Width, frame.Height, PixelFormat.Bgr24).WithInfoFrom(frame);
        HilCvNative.Check(HilCvNative.CvtColor(frame.View(), bgr.View(), ColorGray2Bgr), "Converting to BGR");
        return bgr;
    }

    /// <summary>A copy of a region of the frame.</summary>
    public static Frame Crop(this Frame frame, Rectangle region)
    {
        ArgumentNullException.ThrowIfNull(frame);
        frame.EnsureInside(region);
        var crop = Frame.Allocate(region.Width, region.Height, frame.Format).WithInfoFrom(frame);
        var rowBytes = region.Width * frame.Channels;
        var source = frame.Pixels;
        var target = crop.WritablePixels;
        for (var y = 0; y < region.Height; y++)
        {
            source.Slice(((region.Y + y) * frame.Stride) + (region.X * frame.Channels), rowBytes)
                .CopyTo(target.Slice(y * rowBytes, rowBytes));
        }

        return crop;
    }

    /// <summary>A resized copy (area interpolation when shrinking, cubic when growing).</summary>
    public static Frame Resize(this Frame frame, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var resized = Frame.Allocate(width, height, frame.Format).WithInfoFrom(frame);
        var interpolation = width * height < frame.Width * frame.Height ? 3 : 2; // INTER_AREA : INTER_CUBIC
        HilCvNative.Check(HilCvNative.Resize(frame.View(), resized.View(), interpolation), "Resizing");
        return resized;
    }
}
