using System.Drawing;
using System.Globalization;

namespace Openterface.Hil.Imaging;

/// <summary>
/// The decision for one needle on one frame. For a miss, <see cref="Score"/> and <see cref="Bounds"/> describe the best
/// candidate and <see cref="Reason"/> explains it ("best 0.81 at 12,40" or a colour mismatch).
/// </summary>
public sealed record MatchResult(string NeedleName, bool Found, double Score, double Threshold, Rectangle Bounds, Point ClickPoint, string? Reason)
{
    /// <summary>The search that produced this result.</summary>
    public SearchScope Scope { get; init; }

    /// <summary>How far the match lies from the needle's recorded position.</summary>
    public Point Offset { get; init; }

    /// <summary>Grey score of each match area at <see cref="Offset"/>, in the needle's area order.</summary>
    public IReadOnlyList<double> AreaScores { get; init; } = [];

    public override string ToString() =>
        Found
            ? string.Create(CultureInfo.InvariantCulture, $"'{NeedleName}' found, score {Score:0.000} at {Bounds.X},{Bounds.Y} (threshold {Threshold:0.00})")
            : $"'{NeedleName}' not found: {Reason}";
}
