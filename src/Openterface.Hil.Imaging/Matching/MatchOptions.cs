namespace Openterface.Hil.Imaging;

/// <summary>
/// Tuning for <see cref="NeedleMatcher"/>. Needle JSON values (per-area "match" and "margin", "colour_tolerance",
/// "consecutive") override these per needle.
/// </summary>
public sealed class MatchOptions
{
    /// <summary>
    /// Grey TM_CCOEFF_NORMED score an area needs when its JSON has no "match" (which is read as percent of this
    /// score). openQA's 96 % is on its own MSE-based similarity, not comparable one to one. 0.95 is chosen on our
    /// corpus: true matches in JPEG q75 + blurred captures score 0.97 or more, while same-layout screens with other
    /// text score below 0.9 (see tests/Openterface.Hil.Imaging.Tests/Matching/CorpusTests).
    /// </summary>
    public double DefaultThreshold { get; set; } = 0.95;

    /// <summary>Pixels around the recorded position searched first (openQA's default margin is 50).</summary>
    public int Margin { get; set; } = 50;

    /// <summary>
    /// Largest difference (0..255) allowed between the needle's and the candidate's mean colour in any of B, G, R,
    /// checked after the grey match so a blue button never matches a green one.
    /// </summary>
    public double ColourTolerance { get; set; } = 40;

    /// <summary>Coarsest pyramid level keeps every template's short side at least this many pixels.</summary>
    public int MinPyramidSide { get; set; } = 16;

    /// <summary>Candidates taken from the coarse level and refined to full resolution in a whole-frame search.</summary>
    public int CoarseCandidates { get; set; } = 16;

    /// <summary>Scores this close to the best count as a tie; ties go to the candidate nearest the recorded position.</summary>
    public double TieTolerance { get; set; } = 0.005;

    /// <summary>Consecutive matching frames a <see cref="MatchTracker"/> needs before it reports a match.</summary>
    public int Consecutive { get; set; } = 1;

    /// <summary>A <see cref="MatchTracker"/> searches the whole frame on its first and then every Nth evaluation.</summary>
    public int WholeFrameEvery { get; set; } = 5;

    internal static MatchOptions Default { get; } = new();
}
