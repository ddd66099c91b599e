namespace Openterface.Hil.Imaging;

/// <summary>Where <see cref="NeedleMatcher"/> looks for a needle.</summary>
public enum SearchScope
{
    /// <summary>Near the recorded position first; the whole frame when that finds nothing.</summary>
    Auto,

    /// <summary>Only within the margin around the needle's recorded position (fast: a few milliseconds).</summary>
    NearRecordedPosition,

    /// <summary>The whole frame, coarse-to-fine through an image pyramid.</summary>
    WholeFrame,
}
