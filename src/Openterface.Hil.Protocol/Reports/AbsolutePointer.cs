using System.Drawing;

namespace Openterface.Hil.Protocol;

/// <summary>
/// Absolute pointer units (reference §2.7): the whole target screen is 0..4096 on each axis. Openterface maps a
/// position as round(pos * 4096 / extent) clamped to 0..4096, after removing letter/pillar-box bars.
/// </summary>
public static class AbsolutePointer
{
    public const int Max = 4096;

    /// <summary>
    /// Maps a pixel of the captured frame (<paramref name="screen"/> is the frame size) to device units. When the
    /// target's picture fills only <paramref name="activePicture"/> (black bars around it), the position is taken
    /// relative to that rectangle, so the bars are not counted.
    /// </summary>
    public static (int X, int Y) FromPixel(Point pixel, Size screen, Rectangle? activePicture = null)
    {
        if (screen.Width <= 0 || screen.Height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(screen), screen, "The screen size must be positive.");
        }

        var area = activePicture ?? new Rectangle(Point.Empty, screen);
        if (area.Width <= 0 || area.Height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(activePicture), activePicture, "The active picture must have a positive size.");
        }

        return (ToDevice(pixel.X - area.X, area.Width), ToDevice(pixel.Y - area.Y, area.Height));
    }

    /// <summary>round(position * 4096 / extent), clamped to 0..4096.</summary>
    public static int ToDevice(int position, int extent)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(extent);
        var value = (int)Math.Round(position * (double)Max / extent, MidpointRounding.AwayFromZero);
        return Math.Clamp(value, 0, Max);
    }

    /// <summary>The pixel a target of <paramref name="extent"/> pixels puts the pointer at for device units <paramref name="units"/>.</summary>
    public static int ToPixel(int units, int extent)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(extent);
        var clamped = Math.Clamp(units, 0, Max);
        return Math.Min(extent - 1, (int)((long)clamped * extent / Max));
    }
}
