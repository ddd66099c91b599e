namespace Openterface.Hil.Farm;

/// <summary>
/// How close a needle's recent scores come to its threshold. Flagged when the median of the last
/// <see cref="Window"/> scores is within <see cref="Margin"/> of the threshold (or below it): the needle still
/// matches, but a small change on screen will soon make it fail — re-cut it before it does.
/// </summary>
public sealed record NeedleTrend(string Needle, double Threshold, double MedianScore, int Samples, IReadOnlyList<double> RecentScores)
{
    public const int Window = 20;
    public const double Margin = 0.03;

    /// <summary>Median minus threshold: how much room the needle has left.</summary>
    public double Headroom => MedianScore - Threshold;

    public bool Flagged => Headroom <= Margin;

    /// <summary>The trend from decisions newest first (only the first <see cref="Window"/> count); null when there are none.</summary>
    public static NeedleTrend? From(string needle, IReadOnlyList<NeedleDecisionRecord> newestFirst)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        if (newestFirst.Count == 0)
        {
            return null;
        }

        var recent = newestFirst.Take(Window).ToList();
        var scores = recent.Select(d => d.Score).ToList();
        return new NeedleTrend(needle, recent[0].Threshold, Median(scores), scores.Count, [.. Enumerable.Reverse(scores)]);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
