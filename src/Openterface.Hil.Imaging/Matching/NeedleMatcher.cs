using System.Drawing;
using System.Globalization;

namespace Openterface.Hil.Imaging;

/// <summary>
/// Decides whether a needle is on a frame. Near the recorded position first (a few milliseconds), the whole frame
/// through a coarse-to-fine pyramid when asked or when the near search finds nothing; TM_CCOEFF_NORMED on grey,
/// excluded areas masked out, then a colour check. Scratch buffers are reused: one matcher per wait or per thread
/// (calls on one matcher are serialised).
/// </summary>
public sealed class NeedleMatcher : IDisposable
{
    private const int MaxNearCandidates = 16;

    /// <summary>Candidates this far (in score) behind the best at a pyramid level are not refined further.</summary>
    private const float PruneMargin = 0.2f;
    private readonly Lock _gate = new();
    private readonly FramePyramid _pyramid = new();
    private readonly ScoreMap _map = new();
    private readonly List<int> _peaks = [];
    private readonly List<(Point Offset, float Value)> _coarse = [];
    private readonly List<(Point Offset, float Value)> _refined = [];

    public NeedleMatcher(MatchOptions? options = null)
    {
        Options = options ?? new MatchOptions();
    }

    public MatchOptions Options { get; }

    /// <summary>Matches decided so far (each call of <see cref="Match"/> counts once).</summary>
    public long Evaluations { get; private set; }

    public MatchResult Match(Frame frame, Needle needle, SearchScope scope = SearchScope.Auto)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(needle);
        lock (_gate)
        {
            EnsureFits(frame, needle);
            Evaluations++;
            _pyramid.Prepare(frame);
            Outcome? near = null;
            if (scope != SearchScope.WholeFrame)
            {
                var window = OffsetWindow.For(needle.Templates, 0, frame.Size, needle.Margin ?? Options.Margin);
                if (!window.IsEmpty)
                {
                    near = SearchNear(frame, needle, window);
                    if (near.Value.Found || scope == SearchScope.NearRecordedPosition)
                    {
                        return Build(frame, needle, near.Value);
                    }
                }
                else if (scope == SearchScope.NearRecordedPosition)
                {
                    return Miss(needle, $"the recorded position of '{needle.Name}' ({needle.ImageSize.Width}x{needle.ImageSize.Height} needle) is outside the {frame.Width}x{frame.Height} frame; search the whole frame");
                }
            }

            var whole = SearchWhole(frame, needle);
            if (whole.Found || near is null || whole.Value >= near.Value.Value)
            {
                return Build(frame, needle, whole);
            }

            return Build(frame, needle, near.Value);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _pyramid.Dispose();
        }
    }

    /// <summary>Forgets the last frame so the caller may dispose it (the matcher keeps no reference after this).</summary>
    public void Release()
    {
        lock (_gate)
        {
            _pyramid.Release();
        }
    }

    private Outcome SearchNear(Frame frame, Needle needle, OffsetWindow window)
    {
        _map.Compute(_pyramid.Level(0), 0, needle.Templates, Options, window);
        _map.LocalMaxima(0f, _peaks);
        SortNearestFirst(_peaks, window, _map.Values);
        for (var i = 0; i < _peaks.Count && i < MaxNearCandidates; i++)
        {
            var offset = window.At(_peaks[i]);
            var reason = ColourCheck.Compare(frame, needle, offset, Tolerance(needle));
            if (reason is null)
            {
                return new Outcome(true, offset, _map.Values[_peaks[i]], null, SearchScope.NearRecordedPosition);
            }

            if (i == _peaks.Count - 1 || i == MaxNearCandidates - 1)
            {
                // every candidate failed the colour test: report the nearest one
                var nearest = window.At(_peaks[0]);
                return new Outcome(false, nearest, _map.Values[_peaks[0]], ColourCheck.Compare(frame, needle, nearest, Tolerance(needle)), SearchScope.NearRecordedPosition);
            }
        }

        var best = _map.ArgMax();
        return new Outcome(false, window.At(best), _map.Values[best], null, SearchScope.NearRecordedPosition);
    }

    private Outcome SearchWhole(Frame frame, Needle needle)
    {
        var level = CoarseLevel(needle, frame);
        var window = OffsetWindow.For(needle.Templates, level, _pyramid.Level(level).Size, null);
        _map.Compute(_pyramid.Level(level), level, needle.Templates, Options, window);
        var minSide = int.MaxValue;
        foreach (var t in needle.Templates)
        {
            minSide = Math.Min(minSide, Math.Min(t.Grey.Width, t.Grey.Height) >> level);
        }

        _map.TopPeaks(Math.Max(1, Options.CoarseCandidates), Math.Max(2, minSide / 2), _coarse);
        // Breadth-first refinement: all candidates one level down, then drop those far behind the best so far.
        _refined.Clear();
        foreach (var coarse in _coarse)
        {
            _refined.Add(coarse);
        }

        for (var l = level - 1; l >= 0; l--)
        {
            var best = float.NegativeInfinity;
            for (var i = 0; i < _refined.Count; i++)
            {
                _refined[i] = RefineOneLevel(needle, _refined[i].Offset, l);
                best = Math.Max(best, _refined[i].Value);
            }

            for (var i = _refined.Count - 1; i >= 0; i--)
            {
                if (_refined[i].Value < best - PruneMargin)
                {
                    _refined.RemoveAt(i);
                }
            }
        }

        if (level == 0)
        {
            for (var i = 0; i < _refined.Count; i++)
            {
                _map.Compute(_pyramid.Level(0), 0, needle.Templates, Options, new OffsetWindow(_refined[i].Offset.X, _refined[i].Offset.Y, 1, 1));
                _refined[i] = (_refined[i].Offset, _map.Values[0]);
            }
        }

        _coarse.Clear();
        foreach (var r in _refined)
        {
            _coarse.Add(r);
        }

        _refined.Clear();
        foreach (var (offset, value) in _coarse)
        {
            AddCandidate(offset, value);
        }

        AddNearCandidates(needle, frame);
        RankCandidates();
        string? colour = null;
        foreach (var (offset, value) in _refined)
        {
            if (value < 0)
            {
                break;
            }

            var reason = ColourCheck.Compare(frame, needle, offset, Tolerance(needle));
            if (reason is null)
            {
                return new Outcome(true, offset, value, null, SearchScope.WholeFrame);
            }

            colour ??= reason;
        }

        return new Outcome(false, _refined[0].Offset, _refined[0].Value, colour, SearchScope.WholeFrame);
    }

    /// <summary>
    /// Adds the best peaks around the recorded position, so that among equally good places (repeated text, identical
    /// icons) the one nearest the recorded position wins even when the coarse level ranked it below others.
    /// </summary>
    private void AddNearCandidates(Needle needle, Frame frame)
    {
        var window = OffsetWindow.For(needle.Templates, 0, frame.Size, needle.Margin ?? Options.Margin);
        if (window.IsEmpty)
        {
            return;
        }

        _map.Compute(_pyramid.Level(0), 0, needle.Templates, Options, window);
        _map.TopPeaks(4, 2, _coarse);
        foreach (var (offset, value) in _coarse)
        {
            AddCandidate(offset, value);
        }
    }

    /// <summary>One level finer: +-2 pixels around twice the coarser offset.</summary>
    private (Point Offset, float Value) RefineOneLevel(Needle needle, Point coarse, int level)
    {
        var image = _pyramid.Level(level);
        var window = OffsetWindow.For(needle.Templates, level, image.Size, null).Around(new Point(coarse.X * 2, coarse.Y * 2), 2);
        _map.Compute(image, level, needle.Templates, Options, window);
        var best = _map.ArgMax();
        return (window.At(best), _map.Values[best]);
    }

    private int CoarseLevel(Needle needle, Frame frame)
    {
        var level = 0;
        while (level < 6)
        {
            var next = level + 1;
            var small = false;
            foreach (var t in needle.Templates)
            {
                var size = AreaTemplate.SizeAt(t.Bounds.Size, next);
                small |= Math.Min(size.Width, size.Height) < Options.MinPyramidSide;
            }

            if (small || OffsetWindow.For(needle.Templates, next, AreaTemplate.SizeAt(frame.Size, next), null).IsEmpty)
            {
                break;
            }

            level = next;
        }

        return level;
    }

    private MatchResult Build(Frame frame, Needle needle, Outcome outcome)
    {
        var scores = new double[needle.Templates.Count];
        var limiting = 0;
        var limitingMargin = double.MaxValue;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = _map.ScoreAt(_pyramid.Level(0), needle.Templates[i], outcome.Offset);
            var margin = scores[i] - ScoreMap.Threshold(needle.Templates[i], Options);
            if (margin < limitingMargin)
            {
                (limiting, limitingMargin) = (i, margin);
            }
        }

        var bounds = Rectangle.Empty;
        foreach (var t in needle.Templates)
        {
            var shifted = t.Bounds with { X = t.Bounds.X + outcome.Offset.X, Y = t.Bounds.Y + outcome.Offset.Y };
            bounds = bounds.IsEmpty ? shifted : Rectangle.Union(bounds, shifted);
        }

        var score = scores[limiting];
        var threshold = ScoreMap.Threshold(needle.Templates[limiting], Options);
        var reason = outcome.Found
            ? null
            : outcome.ColourReason ?? string.Create(CultureInfo.InvariantCulture, $"best {score:0.00} at {bounds.X},{bounds.Y}; threshold {threshold:0.00}");
        return new MatchResult(needle.Name, outcome.Found, score, threshold, bounds, ClickPoint(needle, outcome.Offset), reason)
        {
            Scope = outcome.Scope,
            Offset = outcome.Offset,
            AreaScores = scores,
        };
    }

    private static MatchResult Miss(Needle needle, string reason) =>
        new(needle.Name, false, 0, 0, Rectangle.Empty, Point.Empty, reason) { Scope = SearchScope.NearRecordedPosition };

    /// <summary>The first match area with a click point, else the centre of the last match area (openQA).</summary>
    private static Point ClickPoint(Needle needle, Point offset)
    {
        foreach (var t in needle.Templates)
        {
            if (t.Area.ClickPoint is Point click)
            {
                return new Point(t.Bounds.X + click.X + offset.X, t.Bounds.Y + click.Y + offset.Y);
            }
        }

        var last = needle.Templates[^1].Bounds;
        return new Point(last.X + (last.Width / 2) + offset.X, last.Y + (last.Height / 2) + offset.Y);
    }

    private void EnsureFits(Frame frame, Needle needle)
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

        if (OffsetWindow.For(needle.Templates, 0, frame.Size, null).IsEmpty)
        {
            throw new ImagingException(
                $"Needle '{needle.Name}' match areas span more than the {frame.Width}x{frame.Height} frame '{frame.Source}'. " +
                "Record needles at the capture resolution, or check the capture mode.");
        }
    }

    private void AddCandidate(Point offset, float value)
    {
        foreach (var r in _refined)
        {
            if (r.Offset == offset)
            {
                return;
            }
        }

        _refined.Add((offset, value));
    }

    /// <summary>Best first; candidates tied with the best (within <see cref="MatchOptions.TieTolerance"/>) nearest the recorded position first.</summary>
    private void RankCandidates()
    {
        var best = float.NegativeInfinity;
        foreach (var r in _refined)
        {
            best = Math.Max(best, r.Value);
        }

        for (var i = 1; i < _refined.Count; i++)
        {
            var item = _refined[i];
            var j = i - 1;
            while (j >= 0 && Before(item, _refined[j], best))
            {
                _refined[j + 1] = _refined[j];
                j--;
            }

            _refined[j + 1] = item;
        }
    }

    private bool Before((Point Offset, float Value) a, (Point Offset, float Value) b, float best)
    {
        bool tieA = best - a.Value <= Options.TieTolerance, tieB = best - b.Value <= Options.TieTolerance;
        if (tieA && tieB)
        {
            return Distance(a.Offset) < Distance(b.Offset);
        }

        return tieA != tieB ? tieA : a.Value > b.Value;
    }

    private static void SortNearestFirst(List<int> peaks, OffsetWindow window, Span<float> values)
    {
        for (var i = 1; i < peaks.Count; i++)
        {
            var item = peaks[i];
            var j = i - 1;
            while (j >= 0 && (Distance(window.At(item)) < Distance(window.At(peaks[j])) ||
                              (Distance(window.At(item)) == Distance(window.At(peaks[j])) && values[item] > values[peaks[j]])))
            {
                peaks[j + 1] = peaks[j];
                j--;
            }

            peaks[j + 1] = item;
        }
    }

    private double Tolerance(Needle needle) => needle.ColourTolerance ?? Options.ColourTolerance;

    private static int Distance(Point offset) => (offset.X * offset.X) + (offset.Y * offset.Y);

    private readonly record struct Outcome(bool Found, Point Offset, float Value, string? ColourReason, SearchScope Scope);
}
