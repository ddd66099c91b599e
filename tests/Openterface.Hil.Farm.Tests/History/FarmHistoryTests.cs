namespace Openterface.Hil.Farm.Tests;

[Category("Farm")]
public sealed class FarmHistoryTests
{
    [Test]
    public async Task History_flags_the_needle_drifting_to_its_threshold_from_seeded_rows()
    {
        var uri = await PostgresCluster.CreateDatabaseAsync();
        await using var database = new FarmDatabase(PoolUri.Parse(uri));
        var history = new FarmHistory(database);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 25; i++)
        {
            // 'login' drifts from 0.99 down to 0.91 against 0.90; 'desktop' stays at 0.98.
            await history.RecordNeedleDecisionAsync(new NeedleDecisionRecord("login", 0.99 - (i * 0.005), 0.90, true, 1024, 768, "pi-1", "T", start.AddMinutes(i)));
            await history.RecordNeedleDecisionAsync(new NeedleDecisionRecord("desktop", 0.98, 0.90, true, 1024, 768, "pi-2", "T", start.AddMinutes(i)));
        }

        await history.RecordTestRunAsync(new TestRunRecord("Suite.Boots", "pi-1", "ci-1", "host-1", "passed", TimeSpan.FromSeconds(12), start, "uuid-1"));

        var trends = (await history.NeedleTrendsAsync()).ToDictionary(t => t.Needle);
        var (exit, stdout, stderr) = await HilProcess.RunAsync(uri, "rigs", "history", "--rig", "pi-1", "--json");

        Assert.Multiple(() =>
        {
            Assert.That(trends["login"].Flagged, Is.True, $"login median {trends["login"].MedianScore}");
            Assert.That(trends["desktop"].Flagged, Is.False);
            Assert.That(trends["login"].Samples, Is.EqualTo(20));
            Assert.That(exit, Is.Zero, stderr);
            Assert.That(stdout, Does.Contain("\"test\":\"Suite.Boots\"").And.Contain("\"rig\":\"pi-1\""));
            Assert.That(stdout, Does.Contain("\"needle\":\"login\"").And.Not.Contain("\"rig\":\"pi-2\""));
        });
    }
}
