namespace Openterface.Hil.Farm;

/// <summary>Writes and reads the farm's history: test runs and needle decisions, and the needle trends drawn from them.</summary>
public sealed class FarmHistory(FarmDatabase database)
{
    public Task RecordTestRunAsync(TestRunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return database.InTransactionAsync((c, t, ct) => Sql.ExecuteAsync(c, t, """
            insert into hil_test_runs (test, rig, runner, host, outcome, duration_ms, started_at, allure_uuid)
            values (@test, @rig, @runner, @host, @outcome, @duration, @started, @uuid)
            """, ct, ("test", run.Test), ("rig", run.Rig), ("runner", run.Runner), ("host", run.Host), ("outcome", run.Outcome),
            ("duration", (long)run.Duration.TotalMilliseconds), ("started", run.StartedAt.ToUniversalTime()), ("uuid", run.AllureUuid)), cancellationToken);
    }

    public Task RecordNeedleDecisionAsync(NeedleDecisionRecord decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return database.InTransactionAsync((c, t, ct) => Sql.ExecuteAsync(c, t, """
            insert into hil_needle_decisions (needle, score, threshold, found, frame_width, frame_height, rig, test, decided_at)
            values (@needle, @score, @threshold, @found, @w, @h, @rig, @test, coalesce(@at, now()))
            """, ct, ("needle", decision.Needle), ("score", decision.Score), ("threshold", decision.Threshold), ("found", decision.Found),
            ("w", decision.FrameWidth), ("h", decision.FrameHeight), ("rig", decision.Rig), ("test", decision.Test),
            ("at", decision.DecidedAt?.ToUniversalTime())), cancellationToken);
    }

    /// <summary>Test runs, newest first, optionally on one rig.</summary>
    public Task<List<TestRunRecord>> TestRunsAsync(string? rig = null, int limit = 100, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync((c, t, ct) => Sql.QueryAsync(c, t, """
            select test, rig, runner, host, outcome, duration_ms, started_at, allure_uuid from hil_test_runs
            where @rig::text is null or rig = @rig order by started_at desc, id desc limit @limit
            """, r => new TestRunRecord(r.GetString(0), r.NullableString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                TimeSpan.FromMilliseconds(r.GetInt64(5)), r.GetFieldValue<DateTimeOffset>(6), r.NullableString(7)),
            ct, ("rig", rig), ("limit", limit)), cancellationToken);

    /// <summary>Needle decisions, newest first, optionally of one needle and/or on one rig.</summary>
    public Task<List<NeedleDecisionRecord>> NeedleDecisionsAsync(string? needle = null, string? rig = null, int limit = 100, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync((c, t, ct) => Sql.QueryAsync(c, t, """
            select needle, score, threshold, found, frame_width, frame_height, rig, test, decided_at from hil_needle_decisions
            where (@needle::text is null or needle = @needle) and (@rig::text is null or rig = @rig)
            order by decided_at desc, id desc limit @limit
            """, r => new NeedleDecisionRecord(r.GetString(0), r.GetDouble(1), r.GetDouble(2), r.GetBoolean(3), r.GetInt32(4), r.GetInt32(5),
                r.NullableString(6), r.NullableString(7), r.GetFieldValue<DateTimeOffset>(8)),
            ct, ("needle", needle), ("rig", rig), ("limit", limit)), cancellationToken);

    /// <summary>The trend of each needle (or of <paramref name="needle"/>) over its last <see cref="NeedleTrend.Window"/> decisions.</summary>
    public async Task<List<NeedleTrend>> NeedleTrendsAsync(string? needle = null, CancellationToken cancellationToken = default)
    {
        var rows = await database.InTransactionAsync((c, t, ct) => Sql.QueryAsync(c, t, """
            select needle, score, threshold, found, frame_width, frame_height, rig, test, decided_at from (
                select d.*, row_number() over (partition by needle order by decided_at desc, id desc) as n from hil_needle_decisions d
                where @needle::text is null or needle = @needle) ranked
            where n <= @window order by needle, decided_at desc, id desc
            """, r => new NeedleDecisionRecord(r.GetString(0), r.GetDouble(1), r.GetDouble(2), r.GetBoolean(3), r.GetInt32(4), r.GetInt32(5),
                r.NullableString(6), r.NullableString(7), r.GetFieldValue<DateTimeOffset>(8)),
            ct, ("needle", needle), ("window", NeedleTrend.Window)), cancellationToken).ConfigureAwait(false);
        return [.. rows.GroupBy(r => r.Needle, StringComparer.Ordinal).Select(g => NeedleTrend.From(g.Key, [.. g])!)];
    }
}
