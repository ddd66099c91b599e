using System.Drawing;

namespace Openterface.Hil;

/// <summary>Where a locator was found: bounds and click point in frame pixels, the needle score or the text read.</summary>
public sealed record LocatorMatch(Rectangle Bounds, Point ClickPoint, double? Score, string? Text, long FrameSequence);
