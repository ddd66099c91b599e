using System.Drawing;
using Openterface.Hil.Imaging;

namespace Openterface.Hil;

internal sealed class NeedleQuery : LocatorQuery
{
    public NeedleQuery(string name, LocatorQuery? parent)
        : base(parent)
    {
        Name = name;
    }

    public string Name { get; }

    protected override string Self() => $"Needle('{Name}')";

    protected override string Noun() => $"needle '{Name}'";

    protected override void ValidateSelf(VisionContext vision) => vision.Needle(Name);

    protected override int? SelfConsecutive(VisionContext vision) => vision.Needle(Name).Consecutive;

    protected override async ValueTask<LocatorResult> EvaluateInAsync(
        VisionContext vision, Frame frame, Rectangle scope, SearchScope search, double? threshold, double elapsedShare, CancellationToken cancellationToken)
    {
        var needle = vision.Needle(Name);
        MatchResult match;
        if (scope == frame.Bounds)
        {
            match = await vision.Vision.MatchAsync(frame, needle, search, elapsedShare, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Inside a parent's bounds the recorded position means nothing: search the whole crop.
            using var crop = frame.Crop(scope);
            var local = await vision.Vision.MatchAsync(crop, needle, SearchScope.WholeFrame, elapsedShare, cancellationToken).ConfigureAwait(false);
            match = local with
            {
                Bounds = local.Bounds with { X = local.Bounds.X + scope.X, Y = local.Bounds.Y + scope.Y },
                ClickPoint = new Point(local.ClickPoint.X + scope.X, local.ClickPoint.Y + scope.Y),
            };
        }

        var effective = threshold ?? match.Threshold;
        var found = threshold is null ? match.Found : match.Score >= threshold.Value;
        match = match with { Found = found, Threshold = effective };
        var summary = $"best {Durations.Score(match.Score)} at {At(match.Bounds)}";
        return found
            ? new LocatorResult(true, match.Bounds, match.ClickPoint, summary, match.Score, effective, null, match)
            : LocatorResult.Missing(summary, match);
    }
}
