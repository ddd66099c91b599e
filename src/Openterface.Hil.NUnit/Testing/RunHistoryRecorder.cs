using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using NUnit.Framework;

namespace Openterface.Hil.NUnit;

/// <summary>
/// A test's entry in its pool's history (a farm): collects the needle decisions of the session as they happen, and
/// at teardown writes one row for the run and one per decision, then attaches a "needle margins" chart to the Allure
/// result for each needle used whose recent scores approach its threshold.
/// </summary>
internal sealed class RunHistoryRecorder(IRunHistory history, string test, DateTimeOffset startedAt, long startedTimestamp) : INeedleDecisionObserver
{
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(90);
    private readonly ConcurrentQueue<NeedleDecision> decisions = new();

    public void OnNeedleDecision(NeedleDecision decision) => decisions.Enqueue(decision);

    public async ValueTask RecordAsync(string? rig, string outcome)
    {
        using var timeout = new CancellationTokenSource(WriteTimeout);
        var duration = TimeProvider.System.GetElapsedTime(startedTimestamp);
        await history.RecordTestRunAsync(new TestRunEntry(test, rig, outcome, duration, startedAt, HilAllure.CurrentUuid), timeout.Token).ConfigureAwait(false);
        var decided = decisions.ToArray();
        if (decided.Length == 0)
        {
            return;
        }

        await history.RecordNeedleDecisionsAsync(decided, rig, test, timeout.Token).ConfigureAwait(false);
        var flagged = await history.FlaggedNeedlesAsync([.. decided.Select(d => d.Needle)], timeout.Token).ConfigureAwait(false);
        foreach (var margin in flagged)
        {
            HilAllure.Attach($"needle margins ({margin.Needle})", "image/svg+xml", "svg", Encoding.UTF8.GetBytes(margin.Svg));
            await TestContext.Progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Needle '{margin.Needle}' is close to failing: the median of its recent scores is {margin.MedianScore:0.000} against its threshold {margin.Threshold:0.000}. Re-cut it ('hil rigs history --needle {margin.Needle}')."))
                .ConfigureAwait(false);
        }
    }
}
