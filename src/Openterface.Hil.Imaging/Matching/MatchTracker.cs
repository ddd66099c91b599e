namespace Openterface.Hil.Imaging;

/// <summary>
/// The state of one wait for one or more needles: frames identical to the last evaluated one are not evaluated
/// again, each evaluation searches every area within its margin widened by the wait's elapsed share (openQA), the
/// needles are ranked as openQA ranks them, and a needle must match on N consecutive evaluated frames before the
/// match is reported. Not thread-safe: one tracker per wait.
/// </summary>
public sealed class MatchTracker : IDisposable
{
    private readonly NeedleMatcher _matcher;
    private readonly IReadOnlyList<Needle> _candidates;
    private readonly int? _consecutive;
    private Frame? _previous;
    private string? _streakNeedle;
    private int _streak;

    public MatchTracker(NeedleMatcher matcher, IReadOnlyList<Needle> candidates, int? consecutive = null)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            throw new ArgumentException("A wait needs at least one needle to look for.", nameof(candidates));
        }

        if (consecutive is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(consecutive), consecutive, "Consecutive matches must be 1 or more.");
        }

        _matcher = matcher;
        _candidates = candidates;
        _consecutive = consecutive;
    }

    /// <summary>Frames that were matched (unchanged frames are not counted).</summary>
    public long Evaluations { get; private set; }

    /// <summary>Frames skipped because they were identical to the last evaluated frame.</summary>
    public long SkippedUnchanged { get; private set; }

    /// <summary>The best result of the last evaluation (the match, or the best miss for the report).</summary>
    public MatchResult? Last { get; private set; }

    /// <summary>
    /// Evaluates <paramref name="frame"/> unless it is unchanged; returns the match once it has been seen on enough
    /// consecutive frames, otherwise null. <paramref name="final"/> evaluates even an unchanged frame (e.g. at the
    /// deadline); <paramref name="searchRatio"/> is the elapsed share of the wait (0..1) that widens the margins.
    /// </summary>
    public MatchResult? Observe(Frame frame, bool final = false, double searchRatio = 0)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!final && IsUnchanged(frame))
        {
            SkippedUnchanged++;
            return null;
        }

        Remember(frame);
        Evaluations++;
        var best = _matcher.MatchAny(frame, _candidates, SearchScope.Auto, searchRatio);
        var bestNeedle = _candidates.First(n => n.Name == best.NeedleName);
        Last = best;
        if (!best.Found)
        {
            _streak = 0;
            _streakNeedle = null;
            return null;
        }

        _streak = best.NeedleName == _streakNeedle ? _streak + 1 : 1;
        _streakNeedle = best.NeedleName;
        var needed = _consecutive ?? bestNeedle.Consecutive ?? _matcher.Options.Consecutive;
        return _streak >= needed ? best : null;
    }

    public void Dispose()
    {
        _previous?.Dispose();
        _previous = null;
    }

    private bool IsUnchanged(Frame frame)
    {
        if (_previous is null)
        {
            return false;
        }

        if (ReferenceEquals(frame, _previous) || (frame.Sequence != 0 && frame.Sequence == _previous.Sequence && frame.Source == _previous.Source))
        {
            return true;
        }

        return frame.Width == _previous.Width && frame.Height == _previous.Height && frame.Format == _previous.Format &&
               frame.Pixels.SequenceEqual(_previous.Pixels);
    }

    private void Remember(Frame frame)
    {
        if (!ReferenceEquals(frame, _previous))
        {
            _previous?.Dispose();
            _previous = frame.Share();
        }
    }
}
