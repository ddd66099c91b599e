using System.Drawing;

namespace Openterface.Hil.Imaging;

/// <summary>
/// The decision for one match area. <see cref="Similarity"/> is on the needle's own scale (openQA: its MSE-based
/// similarity; template: stb-tester's normalised squared-difference certainty) and passes at <see cref="Level"/>.
/// <see cref="SearchBox"/> is the part of the frame searched (the area grown by <see cref="Margin"/>, clipped).
/// </summary>
public sealed record AreaMatch(int Index, Rectangle Bounds, double Similarity, double Level, bool Passed, Rectangle SearchBox, int Margin)
{
    /// <summary>Similarity minus level: how far above (positive) or below (negative) the threshold the area is.</summary>
    public double MarginToLevel => Similarity - Level;

    /// <summary>openQA: the mean squared error (grey, quantised) at the best place; template: null.</summary>
    public double? MeanSquaredError { get; init; }

    /// <summary>Template only: pixels still differing after the confirm step (0 = confirmed); null when not run.</summary>
    public long? ConfirmRemaining { get; init; }
}
