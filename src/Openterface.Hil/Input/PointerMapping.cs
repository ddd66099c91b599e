using System.Drawing;
using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>
/// Frame pixels to CH9329 absolute units (0..4095 over the target's picture). The capture card may letterbox or
/// pillarbox the target's picture inside the frame; black bars are found per frame and excluded, so a click lands
/// where the user saw the thing, whatever the target's mode.
/// </summary>
internal static class PointerMapping
{
    public const int Range = 4096;

    private const int BlackLevel = 16;

    public static (int X, int Y) ToDevice(Point pixel, Frame frame)
    {
        var picture = ActivePicture(frame);
        if (!picture.Contains(pixel))
        {
            throw new ArgumentOutOfRangeException(
                nameof(pixel),
                $"Point '{pixel.X},{pixel.Y}' is outside the target's picture '{picture.X},{picture.Y},{picture.Width},{picture.Height}' " +
                $"in the {frame.Width}x{frame.Height} frame. Use a point inside the picture (black bars are letterbox).");
        }

        return (Scale(pixel.X - picture.X, picture.Width), Scale(pixel.Y - picture.Y, picture.Height));
    }

    /// <summary>The frame without symmetric black bars; the whole frame when there are none (or it is all black).</summary>
    public static Rectangle ActivePicture(Frame frame)
    {
        var top = 0;
        while (top < frame.Height && IsBlackRow(frame, top))
        {
            top++;
        }

        if (top == frame.Height)
        {
            return frame.Bounds;
        }

        var bottom = frame.Height - 1;
        while (bottom > top && IsBlackRow(frame, bottom))
        {
            bottom--;
        }

        var left = 0;
        while (left < frame.Width && IsBlackColumn(frame, left, top, bottom))
        {
            left++;
        }

        var right = frame.Width - 1;
        while (right > left && IsBlackColumn(frame, right, top, bottom))
        {
            right--;
        }

        // Only bars of about equal size on both sides are letterboxing; a dark edge of the picture is not.
        var bottomBar = frame.Height - 1 - bottom;
        var rightBar = frame.Width - 1 - right;
        if (!Symmetric(top, bottomBar, frame.Height))
        {
            (top, bottom) = (0, frame.Height - 1);
        }

        if (!Symmetric(left, rightBar, frame.Width))
        {
            (left, right) = (0, frame.Width - 1);
        }

        return Rectangle.FromLTRB(left, top, right + 1, bottom + 1);
    }

    private static int Scale(int offset, int size) =>
        Math.Clamp((int)(((offset + 0.5) * Range) / size), 0, Range - 1);

    private static bool Symmetric(int a, int b, int size) => Math.Abs(a - b) <= 2 + (size / 100);

    private static bool IsBlackRow(Frame frame, int y)
    {
        var row = frame.Pixels.Slice(y * frame.Stride, frame.Stride);
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] > BlackLevel)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBlackColumn(Frame frame, int x, int top, int bottom)
    {
        var pixels = frame.Pixels;
        for (var y = top; y <= bottom; y++)
        {
            var offset = (y * frame.Stride) + (x * frame.Channels);
            for (var c = 0; c < frame.Channels; c++)
            {
                if (pixels[offset + c] > BlackLevel)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
