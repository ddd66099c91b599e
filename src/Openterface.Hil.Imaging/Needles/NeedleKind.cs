namespace Openterface.Hil.Imaging;

/// <summary>How a needle is decided: the two formats users bring, each with its own tool's semantics.</summary>
public enum NeedleKind
{
    /// <summary>
    /// openQA needle (JSON + full screenshot PNG): each match area searched on its own within its margin, TM_SQDIFF
    /// on 3x3-blurred grey, openQA's MSE-based similarity against the area's "match" level (default 96).
    /// </summary>
    OpenQa,

    /// <summary>
    /// Bare PNG cut-out (stb-tester style): the whole image is the match area, searched over the whole frame;
    /// normalised squared difference in colour, then a confirm step on the pixel difference. Alpha is a mask.
    /// </summary>
    Template,
}
