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

    protected override LocatorResult EvaluateIn(VisionContext vision, Frame frame, Rectangle scope, NeedleSearch search, double? threshold)
    {
        NeedleMatch match;
        if (scope == frame.Bounds)
        {
            match = vision.Needles.Match(frame, Name, search);
        }
        else
        {
            // Inside a parent's bounds the recorded position means nothing: search the whole crop.
            using var crop = frame.Crop(scope);
            var local = vision.Needles.Match(crop, Name, NeedleSearch.WholeFrame);
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
