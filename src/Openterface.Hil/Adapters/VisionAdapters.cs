using System.Drawing;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Adapters;

/// <summary>The operator's needle seam over <see cref="NeedleSet"/> + <see cref="NeedleMatcher"/> + <see cref="MatchOverlay"/>.</summary>
internal sealed class NeedleVisionAdapter(NeedleSet? needles, string? folder, NeedleMatcher matcher) : INeedleVision
{
    public NeedleMatch Match(Frame frame, string needle, NeedleSearch search)
    {
        var result = matcher.Match(frame, Find(needle), search == NeedleSearch.WholeFrame ? Imaging.SearchScope.WholeFrame : Imaging.SearchScope.NearRecordedPosition);
        return new NeedleMatch(result.NeedleName, result.Found, result.Score, result.Threshold, result.Bounds, result.ClickPoint, result.Reason);
    }

    public NeedleEvidence Explain(Frame frame, NeedleMatch match)
    {
        var needle = Find(match.NeedleName);
        var result = new MatchResult(match.NeedleName, match.Found, match.Score, match.Threshold, match.Bounds, match.ClickPoint, match.Reason);
        return new NeedleEvidence(
            TryMake(() => MatchOverlay.Draw(frame, result)),
            TryMake(() => MatchOverlay.Diff(frame, needle, result)),
            TryMake(() => needle.Templates[^1].Colour.Share()));
    }

    private Needle Find(string nameOrTag) => needles is null
        ? throw new ArgumentException(
            $"Needle '{nameOrTag}' asked for, but no needle folder is configured. Set HilOptions.Needles (or HIL_NEEDLES) to a folder of openQA-style needles.",
            nameof(nameOrTag))
        : needles.Get(nameOrTag);

    private static Frame? TryMake(Func<Frame> make)
    {
        try
        {
            return make();
        }
        catch (HilException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public override string ToString() => $"needles from '{folder}'";
}

/// <summary>The operator's OCR seam over <see cref="TextRecognizer"/>.</summary>
internal sealed class TextVisionAdapter(TextRecognizer recognizer) : ITextVision
{
    public TextReading Read(Frame frame, Rectangle? region)
    {
        var result = recognizer.Read(frame, region);
        return new TextReading(result.Text, result.Words.Select(w => new TextWord(w.Text, w.Bounds, w.Confidence)).ToList(), result.Confidence);
    }
}

/// <summary>The operator's change-detection seam over <see cref="FrameDiff"/>.</summary>
internal sealed class ScreenDiffAdapter : IScreenDiff
{
    public ScreenDifference Compare(Frame a, Frame b)
    {
        var difference = FrameDiff.Compare(a, b);
        return new ScreenDifference(difference.ChangedFraction, difference.ChangedPixels, difference.ChangedBounds);
    }
}
