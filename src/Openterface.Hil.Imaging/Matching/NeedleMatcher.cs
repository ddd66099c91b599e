using System.Drawing;
using System.Globalization;

namespace Openterface.Hil.Imaging;

/// <summary>
/// Decides whether a needle is on a frame, with the semantics of the tool the needle comes from: openQA needles as
/// openQA decides them (<see cref="OpenQaAreaSearch"/>: each match area on its own, within its margin widened by the
/// wait's elapsed share), bare PNG templates as stb-tester does (<see cref="TemplateSearch"/>). Scratch buffers are
/// reused: one matcher per wait or per thread (calls on one matcher are serialised).
/// </summary>
public sealed class NeedleMatcher : IDisposable
{
    private readonly Lock _gate = new();
    private readonly OpenQaAreaSearch _areas = new();
    private readonly TemplateSearch _templates = new();

    public NeedleMatcher(MatchOptions? options = null)
    {
        Options = options ?? new MatchOptions();
    }

    public MatchOptions Options { get; }

    /// <summary>Whether wide openQA searches may take the proven-minimum shortcut (off only to compare both in tests).</summary>
    internal bool WideSearchShortcut
    {
        get => _areas.Shortcut;
        init => _areas.Shortcut = value;
    }

    /// <summary>Wide openQA searches the shortcut decided, and those where it gave up and the full map ran.</summary>
    internal (long Proven, long GaveUp) WideSearchCounts => _areas.ShortcutCounts;

    /// <summary>Matches decided so far (each needle decision counts once).</summary>
    public long Evaluations { get; private set; }

    /// <summary>
    /// Decides one needle. <paramref name="searchRatio"/> is the elapsed share of the wait (0..1): an openQA area's
    /// margin grows to margin + ratio x (1024 - margin), as openQA's; 0 (a single check) searches the margin as
    /// written. <paramref name="scope"/> never widens an openQA search beyond that margin; templates are always
    /// searched over the whole frame.
    /// </summary>
    public MatchResult Match(Frame frame, Needle needle, SearchScope scope = SearchScope.Auto, double searchRatio = 0)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(needle);
        if (!double.IsFinite(searchRatio) || searchRatio < 0 || searchRatio > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(searchRatio), searchRatio, $"Search ratio '{searchRatio}' must be the elapsed share of the wait, from 0 to 1.");
        }

        _ = scope; // kept for source compatibility: a scope never widens a search beyond the margin
        lock (_gate)
        {
            EnsureFits(frame, needle);
            Evaluations++;
            return needle.Kind == NeedleKind.Template ? DecideTemplate(frame, needle) : DecideOpenQa(frame, needle, searchRatio);
        }
    }

    /// <summary>
    /// Decides several needles (openQA: any needle with a tag) and returns the best by openQA's ranking: a match
    /// before a miss, then the smaller error, then a "workaround" needle, then the name.
    /// </summary>
    public MatchResult MatchAny(Frame frame, IReadOnlyList<Needle> needles, SearchScope scope = SearchScope.Auto, double searchRatio = 0) =>
        Rank(frame, needles, scope, searchRatio)[0];

    /// <summary>Every needle's decision, best first by openQA's ranking (see <see cref="MatchAny"/>).</summary>
    public IReadOnlyList<MatchResult> Rank(Frame frame, IReadOnlyList<Needle> needles, SearchScope scope = SearchScope.Auto, double searchRatio = 0)
    {
        ArgumentNullException.ThrowIfNull(needles);
        if (needles.Count == 0)
        {
            throw new ArgumentException("Give at least one needle to look for.", nameof(needles));
        }

        var results = needles.Select(n => Match(frame, n, scope, searchRatio)).ToList();
        results.Sort(NeedleRanking.Compare);
        return results;
    }

    public void Dispose()
    {
    }

    /// <summary>Kept for callers that release frames between decisions; the matcher keeps no frame after a call.</summary>
    public void Release()
    {
    }

    private MatchResult DecideOpenQa(Frame frame, Needle needle, double searchRatio)
    {
        using var painted = OpenQaPreparation.PaintedScene(frame, needle.Areas);
        var scene = painted ?? frame;
        var areas = new List<AreaMatch>(needle.Templates.Count);
        for (var i = 0; i < needle.Templates.Count; i++)
        {
            var t = needle.Templates[i];
            var margin = OpenQaAreaSearch.GrownMargin(MarginOf(needle, t.Area), searchRatio);
            areas.Add(_areas.Search(scene, t, i, margin, LevelOf(t.Area)));
        }

        return Build(needle, areas, MatchMetric.OpenQaMse, searchRatio);
    }

    private MatchResult DecideTemplate(Frame frame, Needle needle)
    {
        var area = _templates.Search(frame, needle.Templates[0], Options);
        return Build(needle, [area], MatchMetric.TemplateSqDiff, 0);
    }

    /// <summary>openQA reads a missing or zero "margin" as 50 (here: the needle's "margin", else the options').</summary>
    private int MarginOf(Needle needle, NeedleArea area) =>
        area.Margin is > 0 ? area.Margin.Value : needle.Margin is > 0 ? needle.Margin.Value : Options.Margin;

    /// <summary>openQA reads a missing or zero "match" as 96 %.</summary>
    private double LevelOf(NeedleArea area) => area.MatchPercent is > 0 ? area.MatchPercent.Value / 100.0 : Options.DefaultThreshold;

    private static MatchResult Build(Needle needle, List<AreaMatch> areas, MatchMetric metric, double searchRatio)
    {
        var limiting = areas.MinBy(a => a.MarginToLevel)!;
        var found = areas.TrueForAll(a => a.Passed);
        var bounds = Rectangle.Empty;
        foreach (var a in areas)
        {
            bounds = bounds.IsEmpty ? a.Bounds : Rectangle.Union(bounds, a.Bounds);
        }

        var first = needle.Templates[0].Bounds;
        return new MatchResult(needle.Name, found, limiting.Similarity, limiting.Level, bounds, ClickPoint(needle, areas), found ? null : Reason(needle, areas, metric))
        {
            Scope = metric == MatchMetric.TemplateSqDiff ? SearchScope.WholeFrame : SearchScope.NearRecordedPosition,
            Offset = new Point(areas[0].Bounds.X - first.X, areas[0].Bounds.Y - first.Y),
            AreaScores = areas.ConvertAll(a => a.Similarity),
            Metric = metric,
            Areas = areas,
            Error = areas.Average(a => (1 - a.Similarity) * (1 - a.Similarity)),
            SearchRatio = searchRatio,
            Workaround = needle.IsWorkaround,
        };
    }

    private static string Reason(Needle needle, List<AreaMatch> areas, MatchMetric metric)
    {
        var failed = areas.Where(a => !a.Passed).Select(a =>
        {
            var which = areas.Count > 1 ? $"area {a.Index + 1} " : string.Empty;
            if (metric == MatchMetric.TemplateSqDiff && a.Similarity >= a.Level)
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"{which}best {a.Similarity:0.0000} at {a.Bounds.X},{a.Bounds.Y} passed the first pass (threshold {a.Level:0.00}) but {a.ConfirmRemaining} pixel(s) differ after the confirm step");
            }

            var box = a.SearchBox.IsEmpty ? "outside the frame" : $"searched {a.SearchBox.X},{a.SearchBox.Y} {a.SearchBox.Width}x{a.SearchBox.Height} (margin {a.Margin})";
            return string.Create(CultureInfo.InvariantCulture, $"{which}best {a.Similarity:0.0000} at {a.Bounds.X},{a.Bounds.Y}; threshold {a.Level:0.00}; {box}");
        });
        return $"{string.Join("; ", failed)} [{(metric == MatchMetric.OpenQaMse ? "openQA similarity" : "stb-tester sqdiff")} of '{needle.Name}']";
    }

    /// <summary>The first match area with a click point, else the centre of the last match area (openQA), where found.</summary>
    private static Point ClickPoint(Needle needle, List<AreaMatch> areas)
    {
        for (var i = 0; i < areas.Count; i++)
        {
            if (needle.Templates[i].Area.ClickPoint is Point click)
            {
                return new Point(areas[i].Bounds.X + click.X, areas[i].Bounds.Y + click.Y);
            }
        }

        var last = areas[^1].Bounds;
        return new Point(last.X + (last.Width / 2), last.Y + (last.Height / 2));
    }

    private static void EnsureFits(Frame frame, Needle needle)
    {
        foreach (var t in needle.Templates)
        {
            if (t.Bounds.Width > frame.Width || t.Bounds.Height > frame.Height)
            {
                throw new ImagingException(
                    $"Needle '{needle.Name}' area {t.Bounds.Width}x{t.Bounds.Height} is larger than the {frame.Width}x{frame.Height} frame " +
                    $"'{frame.Source}'. Record needles at the capture resolution, or check the capture mode.");
            }
        }
    }
}
