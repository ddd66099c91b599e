using System.Text.Json;

namespace Openterface.Hil.Farm.Tests;

/// <summary>
/// The farm's promise with real processes: four `hil rigs lease --hold --ttl 5 --wait 60` runners share two rigs.
/// At most two hold at once, never one rig twice (the lease log shows no overlapping leases per rig), a waiter gets
/// the rig of a SIGKILLed holder within 10 s, and a PostgreSQL restart mid-run keeps all of that true.
/// </summary>
[Category("Farm")]
public sealed class LeaseProcessTests
{
    private string uri = null!;
    private FarmDatabase database = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        uri = await PostgresCluster.CreateDatabaseAsync();
        database = new FarmDatabase(PoolUri.Parse(uri));
        var add1 = await HilProcess.RunAsync(uri, "rigs", "add", "sim-1", "--serial", "tcp://127.0.0.1:7001", "--video", "http://127.0.0.1:7101/stream", "--tag", "board=sim");
        var add2 = await HilProcess.RunAsync(uri, "rigs", "add", "sim-2", "--serial", "tcp://127.0.0.1:7002", "--tag", "board=sim");
        var list = await HilProcess.RunAsync(uri, "rigs", "list", "--json");
        Assert.Multiple(() =>
        {
            Assert.That((add1.ExitCode, add2.ExitCode, list.ExitCode), Is.EqualTo((0, 0, 0)), add1.Stderr + add2.Stderr + list.Stderr);
            var rigs = JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().ToList();
            Assert.That(rigs.Select(r => r.GetProperty("name").GetString()), Is.EqualTo(new[] { "sim-1", "sim-2" }));
            Assert.That(rigs.Select(r => r.GetProperty("lease").ValueKind), Has.All.EqualTo(JsonValueKind.Null));
        });
    }

    [TearDown]
    public async Task TearDownAsync() => await database.DisposeAsync();

    [Test]
    public async Task Four_holders_share_two_rigs_and_a_killed_holders_rig_goes_to_a_waiter_within_ten_seconds()
    {
        var runners = StartRunners(4);
        try
        {
            using var first = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            var holders = await FirstHoldersAsync(runners, 2, first.Token);
            Assert.That(holders.Select(h => h.Rig).Distinct().Count(), Is.EqualTo(2), "two holders, two different rigs");
            await Eventually.HoldsAsync(() => CountAsync("select count(*) from hil_waiters"), n => n == 2, TimeSpan.FromSeconds(60), "the other two runners waiting");

            var victim = holders[0];
            victim.Process.KillHard();
            var killedAt = TimeProvider.System.GetTimestamp();
            var waiters = runners.Except(holders.Select(h => h.Process)).ToList();
            using var takeover = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var next = await Task.WhenAny(waiters.Select(w => w.FirstJsonAsync(takeover.Token)));
            var tookOver = TimeProvider.System.GetElapsedTime(killedAt);

            var nextRig = (await next).GetProperty("rig").GetProperty("name").GetString();
            var live = await CountAsync("select count(*) from hil_leases where expires_at > now()");
            Assert.Multiple(() =>
            {
                Assert.That(nextRig, Is.EqualTo(victim.Rig));
                Assert.That(tookOver, Is.LessThan(TimeSpan.FromSeconds(10)));
                Assert.That(live, Is.LessThanOrEqualTo(2));
            });
            await AssertNoOverlapAsync();
        }
        finally
        {
            await StopAsync(runners);
        }

        Assert.That(await CountAsync("select count(*) from hil_leases"), Is.Zero, "SIGTERM released every lease");
    }

    [Test]
    public async Task A_postgresql_restart_mid_run_keeps_one_holder_per_rig()
    {
        var runners = StartRunners(4);
        try
        {
            using var first = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await FirstHoldersAsync(runners, 2, first.Token);

            await PostgresCluster.RestartAsync();
            // Both rigs are held again after the restart (renewed by their holders, or taken over after expiry).
            await Eventually.HoldsAsync(
                () => CountAsync("select count(*) from hil_leases where renewed_at > pg_postmaster_start_time() or acquired_at > pg_postmaster_start_time()"),
                n => n == 2, TimeSpan.FromSeconds(30), "both rigs held after the restart");
            await AssertNoOverlapAsync();
        }
        finally
        {
            await StopAsync(runners);
        }
    }

    private List<HilProcess> StartRunners(int count) =>
        [.. Enumerable.Range(1, count).Select(i =>
            HilProcess.Start(uri, "rigs", "lease", "--hold", "--ttl", "5", "--wait", "60", "--json", "--tag", "board=sim", "--runner", $"runner-{i}"))];

    private static async Task<List<(HilProcess Process, string Rig)>> FirstHoldersAsync(List<HilProcess> runners, int count, CancellationToken cancellationToken)
    {
        var pending = runners.ToDictionary(r => r.FirstJsonAsync(cancellationToken), r => r);
        var holders = new List<(HilProcess, string)>();
        while (holders.Count < count)
        {
            var done = await Task.WhenAny(pending.Keys);
            holders.Add((pending[done], (await done).GetProperty("rig").GetProperty("name").GetString()!));
            pending.Remove(done);
        }

        return holders;
    }

    /// <summary>Per rig, every lease ended (released, or expired before a takeover) before the next one began.</summary>
    private async Task AssertNoOverlapAsync()
    {
        var log = await database.InTransactionAsync((c, t, ct) => Sql.QueryAsync(c, t,
            "select rig, acquired_at, ended_at from hil_lease_log order by rig, acquired_at",
            r => (Rig: r.GetString(0), From: r.GetFieldValue<DateTimeOffset>(1), To: r.IsDBNull(2) ? (DateTimeOffset?)null : r.GetFieldValue<DateTimeOffset>(2)), ct));
        foreach (var rig in log.GroupBy(l => l.Rig))
        {
            var leases = rig.ToList();
            for (var i = 1; i < leases.Count; i++)
            {
                Assert.That(leases[i - 1].To, Is.Not.Null.And.LessThanOrEqualTo(leases[i].From),
                    $"rig '{rig.Key}': lease {i} began at {leases[i].From:O} before lease {i - 1} ended ({leases[i - 1].To:O})");
            }
        }
    }

    private Task<long> CountAsync(string sql) => ScalarAsync<long>(sql);

    private Task<T> ScalarAsync<T>(string sql) =>
        database.InTransactionAsync(async (c, t, ct) =>
        {
            await using var command = Sql.Command(c, t, sql);
            return (T)(await command.ExecuteScalarAsync(ct))!;
        });

    private static async Task StopAsync(List<HilProcess> runners)
    {
        foreach (var runner in runners.Where(r => !r.HasExited))
        {
            await runner.TerminateAsync();
        }

        foreach (var runner in runners)
        {
            runner.Dispose();
        }
    }
}
