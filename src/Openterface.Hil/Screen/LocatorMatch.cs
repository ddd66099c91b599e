using System.Drawing;

namespace Openterface.Hil;

/// <summary>
/// Where a locator was found: bounds and click point in frame pixels, the needle score or the text read, and for a
/// needle (by name or tag) which needle matched and whether it is a known-issue "workaround" needle.
/// </summary>
public sealed record LocatorMatch(Rectangle Bounds, Point ClickPoint, double? Score, string? Text, long FrameSequence)
{
    /// <summary>The needle that matched (the best of the tagged ones for Screen.Tag/AnyTag); null for text and regions.</summary>
    public string? Needle { get; init; }

    /// <summary>Set when the matched needle carries openQA's "workaround" property: the text says which needle.</summary>
    public string? Workaround { get; init; }
}
