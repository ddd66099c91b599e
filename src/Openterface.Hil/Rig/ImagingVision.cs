using System.Drawing;
using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>The operator's vision over Imaging's <see cref="NeedleMatcher"/>, <see cref="TextRecognizer"/> and <see cref="FrameDiff"/>.</summary>
internal sealed class ImagingVision(NeedleMatcher matcher, TextRecognizer recognizer) : IVision
{
    /// <remarks>
    /// <paramref name="elapsedShare"/> is openQA's search ratio: an openQA area's margin grows with it towards the whole
    /// frame, so a needle far from its recorded place is found only late in the wait, never further than allowed now.
    /// </remarks>
    public ValueTask<MatchResult> MatchAsync(Frame frame, Needle needle, SearchScope scope, double elapsedShare, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(matcher.Match(frame, needle, scope, Math.Clamp(elapsedShare, 0, 1)));
    }

    public ValueTask<OcrResult> ReadAsync(Frame frame, Rectangle? region, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(recognizer.Read(frame, region));
    }

    public ValueTask<FrameDifference> CompareAsync(Frame a, Frame b, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(FrameDiff.Compare(a, b));
    }
}
