using System.Text.Json;

namespace Openterface.Hil.Farm.Tests;

/// <summary>
/// The farm with real processes end to end: two simulated rigs (`hil sim --target console` on loopback) registered
/// in the pool, three runner processes with distinct HIL_RUNNER names running HilTest suites that lease by tag. One
/// runner holds a rig and is SIGKILLed mid-test; the other two run six tests between them on whatever rig is free.
/// </summary>
[Category("Farm")]
public sealed class MultiHostTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(5);

    [Test]
    public async Task Three_runners_share_two_rigs_the_killed_runners_rig_is_taken_over_and_the_results_merge()
    {
        var uri = await PostgresCluster.CreateDatabaseAsync();
        await using var database = new FarmDatabase(PoolUri.Parse(uri));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        using var sim1 = HilProcess.Start(null, "sim", "--json", "--target", "console");
        using var sim2 = HilProcess.Start(null, "sim", "--json", "--target", "console");
        foreach (var (name, sim) in new[] { ("sim-1", sim1), ("sim-2", sim2) })
        {
            var uris = await sim.FirstJsonAsync(timeout.Token);
            var add = await HilProcess.RunAsync(uri, "rigs", "add", name, "--serial", uris.GetProperty("serial").GetString()!,
                "--video", uris.GetProperty("video").GetString()!, "--tag", "sim=console");
            Assert.That(add.ExitCode, Is.Zero, add.Stderr);
        }

        // A needle that has been scraping its threshold (0.96) for 20 runs: tests that use it get a margins chart.
        var history = new FarmHistory(database);
        for (var i = 0; i < 20; i++)
        {
            await history.RecordNeedleDecisionAsync(new NeedleDecisionRecord("console-login", 0.97, 0.96, true, 720, 400, "sim-1", "seeded",
                TimeProvider.System.GetUtcNow().AddHours(-1).AddMinutes(i)));
        }

        var work = Directory.CreateTempSubdirectory("hil-farm-multihost-");
        var results = new[] { "runner-a", "runner-b", "runner-c" }.ToDictionary(n => n, n => Directory.CreateDirectory(Path.Combine(work.FullName, n)).FullName);
        using var hog = FarmRunner.Start("runner-c", uri, "Hog", results["runner-c"], Ttl, TimeSpan.Zero);
        var hogRig = await Eventually.HoldsAsync(
            () => ScalarAsync<string?>(database, "select rig from hil_leases where runner = 'runner-c'"), r => r is not null,
            TimeSpan.FromMinutes(3), "runner-c leasing a rig");

        using var runnerA = FarmRunner.Start("runner-a", uri, "Shared", results["runner-a"], Ttl, TimeSpan.FromSeconds(8));
        using var runnerB = FarmRunner.Start("runner-b", uri, "Shared", results["runner-b"], Ttl, TimeSpan.FromSeconds(8));
        // Kill the hog once another runner queues behind the one rig left, so that someone is waiting for its rig.
        await Eventually.HoldsAsync(() => ScalarAsync<long>(database, "select count(*) from hil_waiters"), n => n > 0,
            TimeSpan.FromMinutes(5), "a runner waiting for a rig");
        hog.KillHard();
        var killedAt = await ScalarAsync<DateTime>(database, "select now()");

        var a = await runnerA.WaitAsync(timeout.Token);
        var b = await runnerB.WaitAsync(timeout.Token);
        Assert.Multiple(() =>
        {
            Assert.That(a.Output, Does.Contain("total=3 passed=3"), $"runner-a: {a.Output}");
            Assert.That(b.Output, Does.Contain("total=3 passed=3"), $"runner-b: {b.Output}");
        });

        var takeover = await ScalarAsync<DateTime?>(database,
            $"select min(acquired_at) from hil_lease_log where rig = '{hogRig}' and runner <> 'runner-c' and acquired_at > '{killedAt:O}'::timestamptz");
        var leases = await database.InTransactionAsync((c, t, ct) => Sql.QueryAsync(c, t,
            "select rig, runner, acquired_at, ended_at from hil_lease_log order by rig, acquired_at",
            r => (Rig: r.GetString(0), Runner: r.GetString(1), From: r.GetFieldValue<DateTimeOffset>(2), To: r.IsDBNull(3) ? (DateTimeOffset?)null : r.GetFieldValue<DateTimeOffset>(3)), ct));
        var (exit, stdout, stderr) = await HilProcess.RunAsync(uri, "rigs", "history", "--json");
        Assert.That(exit, Is.Zero, stderr);
        var historyJson = JsonDocument.Parse(stdout).RootElement;
        var runs = historyJson.GetProperty("runs").EnumerateArray().ToList();
        var decisions = historyJson.GetProperty("needleDecisions").EnumerateArray().Where(d => d.GetProperty("test").GetString() != "seeded").ToList();
        Assert.That(takeover, Is.Not.Null, $"nobody leased '{hogRig}' after runner-c was killed");
        await TestContext.Progress.WriteLineAsync($"runner-c killed at {killedAt:O}; its rig '{hogRig}' leased again at {takeover:O} ({(takeover!.Value - killedAt).TotalSeconds:0.0} s, TTL {Ttl.TotalSeconds} s)");

        Assert.Multiple(() =>
        {
            Assert.That(takeover.Value - killedAt, Is.LessThanOrEqualTo(Ttl + TimeSpan.FromSeconds(5)), "the killed runner's rig is leased again within TTL + 5 s");
            foreach (var rig in leases.GroupBy(l => l.Rig))
            {
                var list = rig.ToList();
                for (var i = 1; i < list.Count; i++)
                {
                    Assert.That(list[i - 1].To, Is.Not.Null.And.LessThanOrEqualTo(list[i].From),
                        $"rig '{rig.Key}': {list[i - 1].Runner}'s lease overlaps {list[i].Runner}'s");
                }
            }

            Assert.That(runs.Select(r => r.GetProperty("runner").GetString()).Order(), Is.EqualTo(new[] { "runner-a", "runner-a", "runner-a", "runner-b", "runner-b", "runner-b" }));
            Assert.That(runs.Select(r => r.GetProperty("outcome").GetString()), Has.All.EqualTo("passed"));
            Assert.That(runs.Select(r => r.GetProperty("rig").GetString()), Has.All.AnyOf("sim-1", "sim-2"), "every run names its rig");
            Assert.That(runs.Select(r => r.GetProperty("allureUuid").GetString()), Has.All.Not.Null, "every run names its Allure result");
            Assert.That(decisions, Has.Count.EqualTo(12), "two Expect(Needle) per test, one decision each");
            Assert.That(decisions.Select(d => d.GetProperty("needle").GetString()), Has.All.EqualTo("console-login"));
            Assert.That(decisions.Select(d => d.GetProperty("found").GetBoolean()), Has.All.True);
        });

        var allureText = string.Concat(new[] { "runner-a", "runner-b" }.SelectMany(n => Directory.GetFiles(results[n], "*-result.json")).Select(File.ReadAllText));
        Assert.That(allureText, Does.Contain("needle margins (console-login)"), "the flagged needle's chart is attached to the tests that used it");

        var report = await HilProcess.RunAsync(null, "report", "--results", results["runner-a"], "--results", results["runner-b"],
            "--results", results["runner-c"], "--out", Path.Combine(work.FullName, "report"), "--json");
        Assert.That(report.ExitCode, Is.Zero, report.Stderr);
        Assert.That(JsonDocument.Parse(report.Stdout).RootElement.GetProperty("results").GetInt32(), Is.GreaterThanOrEqualTo(6), "one report from every runner's results");
        work.Delete(recursive: true);
    }

    private static Task<T> ScalarAsync<T>(FarmDatabase database, string sql) =>
        database.InTransactionAsync(async (c, t, ct) =>
        {
            await using var command = Sql.Command(c, t, sql);
            var value = await command.ExecuteScalarAsync(ct);
            return value is DBNull ? default! : (T)value!;
        });
}
