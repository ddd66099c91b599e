using System.Text.Json;

namespace Openterface.Hil.NUnit.Tests;

public sealed class DevicePoolTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_leased_rig_is_not_leased_twice_and_the_error_names_the_holder()
    {
        using var dir = new TempDirectory();
        var pool = Pool(dir, "bench-a");
        await using var first = await pool.LeaseAsync("Boot_test", TimeSpan.Zero);

        var error = Assert.ThrowsAsync<HilTimeoutException>(() => pool.LeaseAsync("Login_test", TimeSpan.Zero))!;
        Assert.That(error.Message, Does.Contain("'bench-a' held by pid " + Environment.ProcessId).And.Contain("(test 'Boot_test')"));
    }

    [Test]
    public async Task A_waiting_lease_gets_the_rig_once_it_is_released()
    {
        using var dir = new TempDirectory();
        var time = new ManualTimeProvider(Now);
        var pool = Pool(dir, time, "bench-a");
        var first = await pool.LeaseAsync("t1", TimeSpan.Zero);

        var waiting = pool.LeaseAsync("t2", TimeSpan.FromMinutes(1));
        Assert.Multiple(() =>
        {
            Assert.That(waiting.IsCompleted, Is.False, "the rig is busy, so the second lease waits");
            Assert.That(time.ActiveTimers, Is.EqualTo(1));
        });

        await first.DisposeAsync();
        time.Advance(TimeSpan.FromMilliseconds(250));
        await using var second = await waiting;
        Assert.That(second.Rig.Name, Is.EqualTo("bench-a"));
    }

    [Test]
    public async Task Disposing_a_lease_frees_the_rig_and_removes_the_lease_file()
    {
        using var dir = new TempDirectory();
        var pool = Pool(dir, "bench-a");
        var lease = await pool.LeaseAsync("t1", TimeSpan.Zero);
        Assert.That(File.Exists(dir.Combine("bench-a.lease.json")), Is.True);
        await lease.DisposeAsync();

        await using var again = await pool.LeaseAsync("t2", TimeSpan.Zero);
        Assert.That(again.Rig.Name, Is.EqualTo("bench-a"));
    }

    [Test]
    public async Task Parallel_tests_get_different_rigs()
    {
        using var dir = new TempDirectory();
        var pool = Pool(dir, "bench-a", "bench-b");
        await using var a = await pool.LeaseAsync("t1", TimeSpan.Zero);
        await using var b = await pool.LeaseAsync("t2", TimeSpan.Zero);
        Assert.That(new[] { a.Rig.Name, b.Rig.Name }, Is.EquivalentTo(new[] { "bench-a", "bench-b" }));
    }

    [Test]
    public async Task A_lease_left_by_a_dead_process_is_free()
    {
        using var dir = new TempDirectory();
        WriteLease(dir, "bench-a", pid: int.MaxValue - 1, host: Environment.MachineName, expires: Now.AddHours(1));
        await using var lease = await Pool(dir, "bench-a").LeaseAsync("t", TimeSpan.Zero);
        Assert.That(lease.ReplacedStaleLease, Does.Contain($"pid {int.MaxValue - 1}"));
    }

    [Test]
    public async Task A_lease_from_another_host_is_honoured_until_it_expires()
    {
        using var dir = new TempDirectory();
        var time = new ManualTimeProvider(Now);
        WriteLease(dir, "bench-a", pid: 4242, host: "runner-7", expires: Now.AddMinutes(30));
        var pool = Pool(dir, time, "bench-a");

        var error = Assert.ThrowsAsync<HilTimeoutException>(() => pool.LeaseAsync("t", TimeSpan.Zero))!;
        Assert.That(error.Message, Does.Contain("pid 4242 on host 'runner-7'"));

        time.Advance(TimeSpan.FromMinutes(31));
        await using var lease = await pool.LeaseAsync("t", TimeSpan.Zero);
        Assert.That(lease.ReplacedStaleLease, Does.Contain("runner-7"));
    }

    [Test]
    public async Task Renewing_extends_the_lease_from_now()
    {
        using var dir = new TempDirectory();
        var time = new ManualTimeProvider(Now);
        await using var lease = await Pool(dir, time, "bench-a").LeaseAsync("t", TimeSpan.Zero);
        time.Advance(TimeSpan.FromMinutes(50));
        lease.Renew();
        var onDisk = JsonDocument.Parse(await File.ReadAllBytesAsync(dir.Combine("bench-a.lease.json"))).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(lease.ExpiresAt, Is.EqualTo(Now.AddMinutes(50) + TimeSpan.FromHours(1)));
            Assert.That(onDisk.GetProperty("expiresAt").GetDateTimeOffset(), Is.EqualTo(lease.ExpiresAt));
        });
    }

    [Test]
    public async Task A_lease_held_by_a_process_that_is_killed_becomes_free()
    {
        using var dir = new TempDirectory();
        using var child = TestDataProcess.Start("hold-lease", dir.Path, "bench-a");
        await child.WaitForLineAsync("LEASED", TimeSpan.FromSeconds(30));
        var pool = Pool(dir, "bench-a");

        var held = Assert.ThrowsAsync<HilTimeoutException>(() => pool.LeaseAsync("parent", TimeSpan.Zero))!;
        Assert.That(held.Message, Does.Contain($"held by pid {child.Id}").And.Contain("child holding the rig"));

        await child.KillAsync();
        await using var lease = await pool.LeaseAsync("parent", TimeSpan.Zero);
        Assert.That(lease.ReplacedStaleLease, Does.Contain($"pid {child.Id}"), "the dead child's lease file was taken over");
    }

    private static DevicePool Pool(TempDirectory dir, params string[] rigs) => Pool(dir, TimeProvider.System, rigs);

    private static DevicePool Pool(TempDirectory dir, TimeProvider time, params string[] rigs) =>
        new([.. rigs.Select(r => new RigSettings(r, $"/dev/{r}"))], dir.Path, TimeSpan.FromHours(1), time);

    private static void WriteLease(TempDirectory dir, string rig, int pid, string host, DateTimeOffset expires) =>
        File.WriteAllBytes(dir.Combine($"{rig}.lease.json"),
            new LeaseRecord(rig, pid, null, host, "old test", expires.AddHours(-2), expires).ToJson());
}
