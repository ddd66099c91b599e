using System.Drawing;
using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>
/// What the operator asks of Imaging (production: <see cref="ImagingVision"/>; tests: a fake). Results are Imaging's
/// own types.
/// </summary>
internal interface IVision
{
    /// <summary>
    /// Matches <paramref name="needle"/> in <paramref name="frame"/>. <paramref name="elapsedShare"/> is how much of
    /// the wait's timeout has passed (0..1), for matchers that widen their search over a wait.
    /// </summary>
    ValueTask<MatchResult> MatchAsync(Frame frame, Needle needle, SearchScope scope, double elapsedShare, CancellationToken cancellationToken);

    /// <summary>Reads the text in <paramref name="region"/> (null = whole frame); word boxes are in frame pixels.</summary>
    ValueTask<OcrResult> ReadAsync(Frame frame, Rectangle? region, CancellationToken cancellationToken);

    ValueTask<FrameDifference> CompareAsync(Frame a, Frame b, CancellationToken cancellationToken);
}
