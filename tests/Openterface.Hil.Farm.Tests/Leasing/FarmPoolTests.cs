namespace Openterface.Hil.Farm.Tests;

[Category("Farm")]
public sealed class FarmPoolTests
{
    private FarmDatabase database = null!;
    private FarmPool pool = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        database = new FarmDatabase(PoolUri.Parse(await PostgresCluster.CreateDatabaseAsync()));
        pool = new FarmPool(database);
        var inventory = new RigInventory(database);
        await inventory.AddAsync(new FarmRig("pi-1", "tcp://127.0.0.1:1", null, null, null, ["board=rpi4"]));
        await inventory.AddAsync(new FarmRig("nuc-1", "tcp://127.0.0.1:2", null, null, null, ["board=nuc"]));
    }

    [TearDown]
    public async Task TearDownAsync() => await database.DisposeAsync();

    private static LeaseRequest Request(string runner, string tag, double ttl = 30, double wait = 0) => new()
    {
        Holder = new LeaseHolder(runner, "host-" + runner, 1000, "Suite.Test_" + runner),
        Tags = [tag],
        Ttl = TimeSpan.FromSeconds(ttl),
        Wait = TimeSpan.FromSeconds(wait),
    };

    [Test]
    public async Task Migrations_run_once_even_when_many_runners_start_together()
    {
        var uri = PoolUri.Parse(await PostgresCluster.CreateDatabaseAsync());
        var runners = Enumerable.Range(0, 4).Select(_ => new FarmDatabase(uri)).ToList();

        var applied = await Task.WhenAll(runners.Select(r => r.MigrateAsync()));

        Assert.That(applied.SelectMany(a => a), Is.EquivalentTo(Migrations.All.Select(m => m.Version)));
        foreach (var runner in runners)
        {
            await runner.DisposeAsync();
        }
    }

    [Test]
    public async Task A_held_rig_is_not_leased_twice_and_the_timeout_names_its_holder()
    {
        await using var first = await pool.LeaseAsync(Request("alpha", "board=rpi4"));

        var error = Assert.ThrowsAsync<HilTimeoutException>(() => pool.LeaseAsync(Request("beta", "board=rpi4", wait: 0.5)));

        Assert.Multiple(() =>
        {
            Assert.That(first.Rig.Name, Is.EqualTo("pi-1"));
            Assert.That(error!.Message, Does.Contain("'pi-1' held by runner 'alpha' (pid 1000 on 'host-alpha'), test 'Suite.Test_alpha'"));
            Assert.That(error.Timeout, Is.EqualTo(TimeSpan.FromSeconds(0.5)));
        });
    }

    [Test]
    public async Task Tags_select_the_rig()
    {
        await using var nuc = await pool.LeaseAsync(Request("alpha", "board=nuc"));
        await using var pi = await pool.LeaseAsync(Request("beta", "board=rpi4"));

        Assert.That((nuc.Rig.Name, pi.Rig.Name), Is.EqualTo(("nuc-1", "pi-1")));
    }

    [Test]
    public void Unknown_tags_fail_at_once_with_the_remedy()
    {
        var error = Assert.ThrowsAsync<HilException>(() => pool.LeaseAsync(Request("alpha", "board=imx8", wait: 60)));

        Assert.That(error!.Message, Does.Contain("board=imx8").And.Contain("hil rigs list"));
    }

    [Test]
    public async Task Dispose_releases_the_rig_for_the_next_waiter()
    {
        var first = await pool.LeaseAsync(Request("alpha", "board=rpi4"));
        var waiting = pool.LeaseAsync(Request("beta", "board=rpi4", wait: 30));

        await first.DisposeAsync();
        await using var second = await waiting;

        Assert.That(second.Holder.Runner, Is.EqualTo("beta"));
    }

    [Test]
    public async Task An_expired_lease_is_taken_over_and_its_holder_learns_it_lost_the_rig()
    {
        var dead = await pool.LeaseAsync(Request("dead", "board=rpi4", ttl: 1) with { Heartbeat = false });

        await using var next = await pool.LeaseAsync(Request("next", "board=rpi4", wait: 30));
        var error = Assert.ThrowsAsync<RigFaultException>(() => dead.EnsureHeldAsync());

        Assert.Multiple(() =>
        {
            Assert.That(next.Rig.Name, Is.EqualTo("pi-1"));
            Assert.That(error!.Message, Does.Contain("Lost the lease on rig 'pi-1'"));
            Assert.That(dead.LostReason, Is.Not.Null);
        });
        await dead.DisposeAsync();
    }

    [Test]
    public async Task Waiters_are_served_first_come_first_served()
    {
        var holder = await pool.LeaseAsync(Request("holder", "board=rpi4"));
        var early = pool.LeaseAsync(Request("early", "board=rpi4", wait: 60));
        var history = new RigInventory(database);
        await Eventually.HoldsAsync(() => WaiterCountAsync(), n => n == 1, TimeSpan.FromSeconds(30), "the early waiter queuing");
        var late = pool.LeaseAsync(Request("late", "board=rpi4", wait: 60));
        await Eventually.HoldsAsync(() => WaiterCountAsync(), n => n == 2, TimeSpan.FromSeconds(30), "the late waiter queuing");

        await holder.DisposeAsync();
        var winner = await Task.WhenAny(early, late);

        Assert.That(winner, Is.SameAs(early));
        await (await early).DisposeAsync();
        await (await late).DisposeAsync();
        Assert.That(await history.ListAsync(), Has.All.Property(nameof(RigStatus.Lease)).Null);
    }

    private Task<long> WaiterCountAsync() =>
        database.InTransactionAsync(async (c, t, ct) =>
        {
            await using var command = Sql.Command(c, t, "select count(*) from hil_waiters");
            return (long)(await command.ExecuteScalarAsync(ct))!;
        });
}
