using System.Text.Json;

namespace Openterface.Hil.Farm.Tests;

/// <summary>A HilTest whose farm lease is taken away mid-test (an operator's `hil rigs release`) ends as a rig fault.</summary>
[Category("Farm")]
public sealed class LostLeaseTests
{
    [Test]
    public async Task A_test_whose_lease_is_released_under_it_fails_as_a_rig_fault_and_its_run_is_recorded_broken()
    {
        var uri = await PostgresCluster.CreateDatabaseAsync();
        await using var database = new FarmDatabase(PoolUri.Parse(uri));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        using var sim = HilProcess.Start(null, "sim", "--json", "--target", "console");
        var uris = await sim.FirstJsonAsync(timeout.Token);
        var add = await HilProcess.RunAsync(uri, "rigs", "add", "sim-1", "--serial", uris.GetProperty("serial").GetString()!,
            "--video", uris.GetProperty("video").GetString()!, "--tag", "sim=console");
        Assert.That(add.ExitCode, Is.Zero, add.Stderr);
        var work = Directory.CreateTempSubdirectory("hil-farm-lost-");
        using var runner = FarmRunner.Start("runner-a", uri, "Lost", work.FullName, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20));

        var lease = await Eventually.HoldsAsync(
            () => database.InTransactionAsync((c, t, ct) => Sql.QueryAsync(c, t, "select id from hil_leases where runner = 'runner-a'", r => r.GetGuid(0), ct)),
            ids => ids.Count == 1, TimeSpan.FromMinutes(3), "runner-a leasing the rig");
        var release = await HilProcess.RunAsync(uri, "rigs", "release", lease[0].ToString());
        Assert.That(release.ExitCode, Is.Zero, release.Stderr);

        var (_, output) = await runner.WaitAsync(timeout.Token);
        var history = await HilProcess.RunAsync(uri, "rigs", "history", "--json");
        var runs = JsonDocument.Parse(history.Stdout).RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("NOT PASSED").And.Contain("Lost the lease on rig 'sim-1'"), output);
            Assert.That(output, Does.Contain("total=1 passed=0 failed=1"), output);
            Assert.That(runs.Select(r => (r.GetProperty("rig").GetString(), r.GetProperty("outcome").GetString())), Is.EqualTo(new[] { ("sim-1", "broken") }));
        });
        work.Delete(recursive: true);
    }
}
