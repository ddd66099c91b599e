namespace Openterface.Hil.Imaging;

/// <summary>
/// Tuning for <see cref="NeedleMatcher"/>. The defaults are the two tools' own: openQA's for openQA needles (match
/// level 96 %, margin 50) and stb-tester's for bare PNG templates (threshold 0.98, normalised absdiff confirm at
/// 0.70, one erode pass). A needle JSON's per-area "match" and "margin" override the openQA values per area.
/// </summary>
public sealed class MatchOptions
{
    /// <summary>
    /// openQA similarity an area needs when its JSON has no "match" (or "match": 0, as openQA reads it): 0.96.
    /// The similarity is openQA's: 0.9 + (40 - MSE) / 380 on 3x3-blurred grey, clamped to 0..1.
    /// </summary>
    public double DefaultThreshold { get; set; } = 0.96;

    /// <summary>Pixels around each area's recorded position searched when neither the area nor the needle names a margin (openQA: 50).</summary>
    public int Margin { get; set; } = 50;

    /// <summary>stb-tester's match_threshold: the normalised squared-difference certainty a template needs (0.98).</summary>
    public double TemplateThreshold { get; set; } = 0.98;

    /// <summary>stb-tester's confirm_threshold: largest pixel difference allowed, as a share of 255 (0.70 with normalisation).</summary>
    public double ConfirmThreshold { get; set; } = 0.70;

    /// <summary>stb-tester's normed-absdiff confirm method (true, its default) or plain absdiff (false).</summary>
    public bool ConfirmNormalised { get; set; } = true;

    /// <summary>stb-tester's erode_passes: single-pixel differences removed before the confirm count (1).</summary>
    public int ErodePasses { get; set; } = 1;

    internal static MatchOptions Default { get; } = new();
}
