namespace Openterface.Hil;

/// <summary>A pool's record of what ran where: one row per test run and one per needle decision that ended a wait.</summary>
public interface IRunHistory
{
    /// <summary>Records one test run (the runner and host are the pool's own: HIL_RUNNER and this machine).</summary>
    Task RecordTestRunAsync(TestRunEntry run, CancellationToken cancellationToken);

    /// <summary>Records the needle decisions of one test on one rig.</summary>
    Task RecordNeedleDecisionsAsync(IReadOnlyList<NeedleDecision> decisions, string? rig, string? test, CancellationToken cancellationToken);

    /// <summary>Of <paramref name="needles"/>, those whose recent scores approach their threshold, each with a chart.</summary>
    Task<IReadOnlyList<NeedleMargin>> FlaggedNeedlesAsync(IReadOnlyCollection<string> needles, CancellationToken cancellationToken);
}

/// <summary>One test run: which test, on which rig, how it ended, how long it took, and its Allure result.</summary>
public sealed record TestRunEntry(string Test, string? Rig, string Outcome, TimeSpan Duration, DateTimeOffset StartedAt, string? AllureUuid);

/// <summary>A needle close to failing: the median of its recent scores, its threshold, and an SVG chart of them.</summary>
public sealed record NeedleMargin(string Needle, double MedianScore, double Threshold, string Svg);
