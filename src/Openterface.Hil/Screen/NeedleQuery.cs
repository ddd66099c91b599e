using System.Drawing;
using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>
/// A needle by name (or by a tag only one needle has), or any needle carrying one of several tags: each tagged
/// needle is matched and the best one wins; the result names it (<see cref="MatchResult.NeedleName"/>).
/// </summary>
internal sealed class NeedleQuery : LocatorQuery
{
    private readonly IReadOnlyList<string> _tags;

    public NeedleQuery(string name, LocatorQuery? parent)
        : base(parent)
    {
        Name = name;
        _tags = [];
    }

    private NeedleQuery(IReadOnlyList<string> tags, LocatorQuery? parent)
        : base(parent)
    {
        Name = tags[0];
        _tags = tags;
    }

    public string Name { get; }

    /// <summary>Any needle carrying one of <paramref name="tags"/>.</summary>
    public static NeedleQuery Tagged(IReadOnlyList<string> tags, LocatorQuery? parent) => new(tags, parent);

    protected override string Self() => _tags.Count switch
    {
        0 => $"Needle('{Name}')",
        1 => $"Tag('{Name}')",
        _ => $"AnyTag({string.Join(", ", _tags.Select(t => $"'{t}'"))})",
    };

    protected override string Noun() => _tags.Count switch
    {
        0 => $"needle '{Name}'",
        1 => $"a needle tagged '{Name}'",
        _ => $"a needle tagged {string.Join(" or ", _tags.Select(t => $"'{t}'"))}",
    };

    protected override void ValidateSelf(VisionContext vision) => Needles(vision);

    protected override int? SelfConsecutive(VisionContext vision) => Needles(vision).Max(n => n.Consecutive);

    private IReadOnlyList<Needle> Needles(VisionContext vision) => _tags.Count == 0 ? [vision.Needle(Name)] : vision.Tagged(_tags);

    protected override async ValueTask<LocatorResult> EvaluateInAsync(
        VisionContext vision, Frame frame, Rectangle scope, SearchScope search, double? threshold, double elapsedShare, CancellationToken cancellationToken)
    {
        MatchResult? best = null;
        foreach (var needle in Needles(vision))
        {
            var match = await MatchOneAsync(vision, needle, frame, scope, search, threshold, elapsedShare, cancellationToken).ConfigureAwait(false);
            best = Better(best, match);
        }

        var found = best!;
        var summary = $"best {Durations.Score(found.Score)} at {At(found.Bounds)}" + (_tags.Count == 0 ? string.Empty : $" ('{found.NeedleName}')");
        return found.Found
            ? new LocatorResult(true, found.Bounds, found.ClickPoint, summary, found.Score, found.Threshold, null, found)
            : LocatorResult.Missing(summary, found);
    }

    /// <summary>
    /// The better of two matches among tagged needles: a found one over a missing one, then the higher score. The one
    /// place to call Imaging's own multi-needle match once it has one.
    /// </summary>
    internal static MatchResult Better(MatchResult? a, MatchResult b) =>
        a is null ? b
        : a.Found != b.Found ? (a.Found ? a : b)
        : b.Score > a.Score ? b : a;

    private static async ValueTask<MatchResult> MatchOneAsync(
        VisionContext vision, Needle needle, Frame frame, Rectangle scope, SearchScope search, double? threshold, double elapsedShare, CancellationToken cancellationToken)
    {
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
        return match with { Found = found, Threshold = effective };
    }
}
