namespace Openterface.Hil.Imaging;

/// <summary>Which rule decided a <see cref="MatchResult"/>.</summary>
public enum MatchMetric
{
    /// <summary>openQA: per-area TM_SQDIFF within the margin, MSE mapped to similarity (MSE 2 = 1.0, MSE 40 = 0.90).</summary>
    OpenQaMse,

    /// <summary>stb-tester: normalised TM_SQDIFF in colour over the whole frame, then the normalised absdiff confirm step.</summary>
    TemplateSqDiff,
}
