namespace Openterface.Hil.Imaging;

/// <summary>
/// Tuning for <see cref="NeedleMatcher"/>. Needle JSON values (per-area "match" and "margin", "colour_tolerance",
/// "consecutive") override these per needle.
/// </summary>
public sealed class MatchOptions
{
    /// <summary>
    /// Grey TM_CCOEFF_NORMED score (on 3x3-smoothed grey) an area needs when its JSON has no "match" value; a JSON
    /// "match" of N is read as N/100 on this scale. openQA's 96 % is on its own MSE-based similarity, not comparable
    /// one to one. 0.95 is measured on fixtures/screens/matching: the lowest true match (blurred JPEG q75) scores
    /// 0.956 and the highest grey score of a screen that must not match is 0.947 (the colour check rejects more),
    /// see CorpusTests. The margin is thin for same-layout screens with other text: prefer distinctive areas.
    /// </summary>
    public double DefaultThreshold { get; set; } = 0.95;

    /// <summary>Pixels around the recorded position searched first (openQA's default margin is 50).</summary>
    public int Margin { get; set; } = 50;

    /// <summary>
    /// Largest difference (0..255) allowed between the needle's and the candidate's mean colour in any of B, G, R,
    /// checked after the grey match so a blue button never matches a green one.
    /// </summary>
    public double ColourTolerance { get; set; } = 40;

    /// <summary>
    /// Coarsest pyramid level keeps every template's short side at least this many pixels. 16 (with
    /// <see cref="CoarseCandidates"/> = 16 refined candidates) agrees with full-resolution OpenCV on 102/102 corpus
    /// searches; with 4 candidates it agreed on 91 %. 24 would leave 64x32 needles at full resolution (~100 ms).
    /// </summary>
    public int MinPyramidSide { get; set; } = 16;

    /// <summary>Candidates taken from the coarse level and refined to full resolution in a whole-frame search.</summary>
    public int CoarseCandidates { get; set; } = 16;

    /// <summary>Scores this close to the best count as a tie; ties go to the candidate nearest the recorded position.</summary>
    public double TieTolerance { get; set; } = 0.005;

    internal static MatchOptions Default { get; } = new();
}
