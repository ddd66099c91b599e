using System.Drawing;
using System.Globalization;

namespace Openterface.Hil.Imaging;

/// <summary>
/// The decision for one needle on one frame. <see cref="Score"/> and <see cref="Threshold"/> are those of the
/// limiting area (the one closest to, or furthest below, its level); <see cref="Areas"/> has every area. For a miss,
/// <see cref="Bounds"/> describes the best places and <see cref="Reason"/> explains it.
/// </summary>
public sealed record MatchResult(string NeedleName, bool Found, double Score, double Threshold, Rectangle Bounds, Point ClickPoint, string? Reason)
{
    /// <summary>The search that produced this result (openQA needles: always within the margin).</summary>
    public SearchScope Scope { get; init; }

    /// <summary>How far the first match area lies from its recorded position.</summary>
    public Point Offset { get; init; }

    /// <summary>Similarity of each match area, in the needle's area order.</summary>
    public IReadOnlyList<double> AreaScores { get; init; } = [];

    /// <summary>Which rule decided.</summary>
    public MatchMetric Metric { get; init; }

    /// <summary>Each match area's similarity, level, place found and the box searched.</summary>
    public IReadOnlyList<AreaMatch> Areas { get; init; } = [];

    /// <summary>openQA's ranking error: the mean over areas of (1 - similarity)^2 (0 = perfect).</summary>
    public double Error { get; init; }

    /// <summary>The wait's elapsed share (0..1) that widened each area's margin for this decision.</summary>
    public double SearchRatio { get; init; }

    /// <summary>The needle carries openQA's "workaround" property (a known issue).</summary>
    public bool Workaround { get; init; }

    public override string ToString() =>
        Found
            ? string.Create(CultureInfo.InvariantCulture, $"'{NeedleName}' found, score {Score:0.000} at {Bounds.X},{Bounds.Y} (threshold {Threshold:0.00})")
            : $"'{NeedleName}' not found: {Reason}";
}
