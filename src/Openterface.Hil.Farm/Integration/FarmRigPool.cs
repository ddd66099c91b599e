namespace Openterface.Hil.Farm;

/// <summary>The farm as a test's rig pool: leases by tags with a heartbeat, and the run and needle history.</summary>
public sealed class FarmRigPool : IRigPool, IRunHistory
{
    private readonly FarmPool pool;
    private readonly FarmHistory history;

    public FarmRigPool(FarmDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        Database = database;
        pool = new FarmPool(database);
        history = new FarmHistory(database);
    }

    public FarmDatabase Database { get; }

    public string Description => $"the farm '{Database.Uri.Display}'";

    public IRunHistory History => this;

    public async Task<IRigLease> LeaseAsync(RigRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lease = await pool.LeaseAsync(
            new LeaseRequest
            {
                Holder = LeaseHolder.ThisProcess(test: request.Test),
                Tags = request.Tags,
                Ttl = request.Ttl ?? LeaseRequest.DefaultTtl,
                Wait = request.Wait,
                Heartbeat = true,
            },
            cancellationToken).ConfigureAwait(false);
        return new FarmRigLease(lease);
    }

    public Task RecordTestRunAsync(TestRunEntry run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var holder = LeaseHolder.ThisProcess();
        return history.RecordTestRunAsync(
            new TestRunRecord(run.Test, run.Rig, holder.Runner, holder.Host, run.Outcome, run.Duration, run.StartedAt, run.AllureUuid), cancellationToken);
    }

    public async Task RecordNeedleDecisionsAsync(IReadOnlyList<NeedleDecision> decisions, string? rig, string? test, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        foreach (var d in decisions)
        {
            await history.RecordNeedleDecisionAsync(
                new NeedleDecisionRecord(d.Needle, d.Score, d.Threshold, d.Found, d.FrameWidth, d.FrameHeight, rig, test), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<NeedleMargin>> FlaggedNeedlesAsync(IReadOnlyCollection<string> needles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(needles);
        var flagged = new List<NeedleMargin>();
        foreach (var needle in needles.Distinct(StringComparer.Ordinal))
        {
            foreach (var trend in await history.NeedleTrendsAsync(needle, cancellationToken).ConfigureAwait(false))
            {
                if (trend.Flagged)
                {
                    flagged.Add(new NeedleMargin(trend.Needle, trend.MedianScore, trend.Threshold, MarginChart.Svg(trend)));
                }
            }
        }

        return flagged;
    }
}
