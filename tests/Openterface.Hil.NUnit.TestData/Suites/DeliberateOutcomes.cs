using System.Text;

[assembly: Openterface.Hil.NUnit.HilAllure]
[assembly: Parallelizable(ParallelScope.Fixtures)]

namespace Openterface.Hil.NUnit.TestData.Suites;

/// <summary>A rig fault subclass, to check broken detection by type, not by name.</summary>
public sealed class CaptureStalledException(string message) : RigFaultException(message);

/// <summary>Every outcome the Allure wiring must map. Most of these fail on purpose.</summary>
[TestFixture]
[Category("DeliberateFailure")]
[Feature("Boot")]
[Owner("qa-team")]
public sealed class DeliberateOutcomes
{
    [Test]
    [Story("GRUB menu")]
    [Severity(AllureSeverity.Critical)]
    [Description("Passes, with two nested steps reported through the listener.")]
    public void Passes_with_steps()
    {
        var listener = HilAllure.CurrentListener ?? throw new InvalidOperationException("no listener: [assembly: HilAllure] not wired");
        var now = DateTimeOffset.UnixEpoch.AddDays(20000);
        var group = new StepInfo(1, null, "Open the menu", StepKind.Group, new Dictionary<string, string>(), now);
        var press = new StepInfo(2, 1, "Press 'esc'", StepKind.Action, new Dictionary<string, string> { ["chord"] = "esc" }, now);
        listener.OnStepStarted(group);
        listener.OnStepStarted(press);
        listener.OnStepFinished(press, new StepOutcome(StepStatus.Passed, now.AddMilliseconds(5), null, null, []));
        listener.OnStepFinished(group, new StepOutcome(StepStatus.Passed, now.AddMilliseconds(6), null, null, []));
    }

    [Test]
    public void Fails_on_product() =>
        throw new ExpectationFailedException("Needle 'login' not found within 30s (best score 0.81 at 12,40; threshold 0.95).");

    [Test]
    public void Fails_an_assertion() => Assert.That(1 + 1, Is.EqualTo(3));

    [Test]
    public void Breaks_on_rig_fault() => throw new RigFaultException("No frame from '/dev/video0' for 5s.");

    [Test]
    public void Breaks_on_wrapped_rig_fault_subclass() =>
        throw new InvalidOperationException("Session failed", new CaptureStalledException("Capture stalled at frame 812."));

    [Test]
    public void Is_ignored() => Assert.Ignore("Not on this target.");

    [Test]
    [Ignore("Waiting for the new rig")]
    public void Is_ignored_by_attribute()
    {
    }

    [Test]
    public void Is_inconclusive() => Assert.Inconclusive("Target did not boot to a known state.");

    [Test]
    [RequiresDevice]
    public void Needs_a_real_rig()
    {
    }

    [TestCase("rescue")]
    [TestCase("normal")]
    public void Boots_entry(string entry) => Assert.That(entry, Is.Not.Empty);

    [TestCase("hunter2-TestData-secret")]
    public void Logs_in([Secret] string password)
    {
        HilAllure.Attach("Serial transcript", "text/plain", "txt", Encoding.UTF8.GetBytes($"typed {password}\n"));
        throw new ExpectationFailedException($"Login with '{password}' was refused.");
    }

    private static int flakyAttempts;

    [Test]
    [Retry(2)]
    public void Passes_on_retry() => Assert.That(Interlocked.Increment(ref flakyAttempts), Is.GreaterThan(1), "first attempt fails");

    [Test]
    public void Attaches_evidence_then_fails()
    {
        HilAllure.Attach("Screenshot", "image/png", "png", [0x89, 0x50, 0x4E, 0x47]);
        HilAllure.SetEnvironment("Rig generation", "Mini-KVM (test data)");
        Assert.Fail("Deliberate failure with evidence.");
    }
}

/// <summary>A fixture whose one-time set-up hits a rig fault: its tests never start.</summary>
[TestFixture]
[Category("DeliberateFailure")]
public sealed class RigDownBeforeTests
{
    [OneTimeSetUp]
    public void PowerOn() => throw new RigFaultException("Mini-KVM did not answer on '/dev/ttyUSB0'.");

    [Test]
    public void First() => Assert.Pass();

    [Test]
    public void Second() => Assert.Pass();
}
