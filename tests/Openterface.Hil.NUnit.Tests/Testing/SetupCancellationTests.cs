namespace Openterface.Hil.NUnit.Tests.Testing;

/// <summary>
/// Issue 14 finding 8: HilTest's setup passes the test's cancellation token (CancelAfter, a stopped run) to the rig
/// lease, the simulator and the session connect. Without it a setup waiting for a busy rig ignores CancelAfter and
/// ends only when the lease wait (10 min by default) runs out.
/// </summary>
public sealed class SetupCancellationTests
{
    [Test]
    public async Task A_setup_waiting_for_a_busy_rig_ends_when_the_tests_cancel_after_fires()
    {
        using var leases = new TempDirectory();
        using var results = new TempDirectory();
        using var holder = TestDataProcess.Start("hold-lease", leases.Path, "default");
        await holder.WaitForLineAsync("LEASED", TimeSpan.FromSeconds(60));

        using var run = TestDataProcess.Start(
            "run", results.Path, "SetupCancellation", "HilSerial=/dev/null", $"HilLeaseDirectory={leases.Path}");
        (int ExitCode, string Stdout, string Stderr) outcome;
        try
        {
            // CancelAfter is 2 s; the lease wait is 10 min. The bound only tells the two apart on a loaded machine.
            outcome = await run.WaitForExitAsync(TimeSpan.FromMinutes(3));
        }
        catch (OperationCanceledException)
        {
            Assert.Fail("The run did not end within 3 minutes of a 2 s CancelAfter: the setup ignored the test's cancellation token.");
            return;
        }

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.Zero, outcome.Stderr);
            Assert.That(outcome.Stdout, Does.Contain("total=1 passed=0 failed=1"), outcome.Stdout + outcome.Stderr);
            Assert.That(outcome.Stdout, Does.Contain("failure Waits_in_setup_for_a_busy_rig: Test exceeded CancelAfter value of 2000ms")
                .And.Not.Contain("No rig became free"), "the setup ended by the test's token, not by the lease wait");
        });
    }
}
