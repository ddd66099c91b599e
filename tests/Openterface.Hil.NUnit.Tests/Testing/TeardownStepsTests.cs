namespace Openterface.Hil.NUnit.Tests.Testing;

/// <summary>Issue 14, finding 5: one failing teardown part must not leak the lease (2 h) or QEMU.</summary>
public class TeardownStepsTests
{
    [Test]
    public void A_throwing_session_dispose_still_stops_the_simulator_and_releases_the_lease()
    {
        var ran = new List<string>();

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => TeardownSteps.RunAllAsync(
            ("dispose the session", () => throw new IOException("serial port vanished")),
            ("stop the simulator", () => { ran.Add("simulator"); return ValueTask.CompletedTask; }),
            ("release the lease", () => { ran.Add("lease"); return ValueTask.CompletedTask; })));

        Assert.Multiple(() =>
        {
            Assert.That(ran, Is.EqualTo(new[] { "simulator", "lease" }));
            Assert.That(error!.Message, Does.Contain("'dispose the session' failed: serial port vanished"));
        });
    }

    [Test]
    public void Several_failures_are_reported_together()
    {
        var error = Assert.ThrowsAsync<AggregateException>(() => TeardownSteps.RunAllAsync(
            ("dispose the session", () => throw new IOException("a")),
            ("stop the simulator", () => throw new TimeoutException("b")),
            ("release the lease", () => ValueTask.CompletedTask)));

        Assert.That(error!.InnerExceptions, Has.Count.EqualTo(2));
    }
}

/// <summary>Issue 14, finding 12: the lease folder was a shared /tmp folder for every user.</summary>
public class LeaseFolderTests
{
    [Test]
    [Platform("Linux")]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void The_default_lease_folder_is_per_user_and_created_owner_only()
    {
        var settings = new HilSettings();
        var folder = PrivateFolders.Ensure(settings.LeaseDirectory);

        Assert.Multiple(() =>
        {
            Assert.That(folder, Does.Not.StartWith(Path.Combine(Path.GetTempPath(), "openterface-hil-leases")));
            Assert.That(folder, Does.Contain("openterface-hil"));
            Assert.That(File.GetUnixFileMode(folder), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        });
    }
}
