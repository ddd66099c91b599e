using System.Drawing;
using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>Seam over frame comparison (adapter: Openterface.Hil.Imaging.FrameDiff.Compare).</summary>
internal interface IScreenDiff
{
    ScreenDifference Compare(Frame a, Frame b);
}

/// <summary>Mirrors Imaging's FrameDifference.</summary>
internal sealed record ScreenDifference(double ChangedFraction, int ChangedPixels, Rectangle ChangedBounds);
