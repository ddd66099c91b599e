using System.Drawing;
using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>
/// Seam over needle matching (adapter: Openterface.Hil.Imaging NeedleSet + NeedleMatcher + MatchOverlay). Needles
/// are looked up by name or tag; an unknown name raises <see cref="ArgumentException"/>.
/// </summary>
internal interface INeedleVision
{
    NeedleMatch Match(Frame frame, string needle, NeedleSearch search);

    /// <summary>Evidence for reports: the frame with the match drawn on it, the needle vs. the matched area, the needle's own image.</summary>
    NeedleEvidence Explain(Frame frame, NeedleMatch match);
}

/// <summary>Where to search: near the needle's recorded areas (fast) or the whole frame.</summary>
internal enum NeedleSearch
{
    NearRecorded,
    WholeFrame,
}

/// <summary>Mirrors Imaging's MatchResult field for field.</summary>
internal sealed record NeedleMatch(
    string NeedleName,
    bool Found,
    double Score,
    double Threshold,
    Rectangle Bounds,
    Point ClickPoint,
    string? Reason);

/// <summary>Frames owned by the receiver (dispose them); any may be null when it cannot be produced.</summary>
internal sealed record NeedleEvidence(Frame? Overlay, Frame? Diff, Frame? Needle);
