using NUnit.Framework.Interfaces;
using Openterface.Hil.Reporting;

namespace Openterface.Hil.NUnit.Tests;

public sealed class NUnitOutcomeTests
{
    private sealed class LinkLostException(string message) : RigFaultException(message);

    [Test]
    public void Passed_skipped_and_ignored_map_directly()
    {
        Assert.Multiple(() =>
        {
            Assert.That(NUnitOutcome.Map(ResultState.Success, null, null).Status, Is.EqualTo(AllureStatus.Passed));
            Assert.That(NUnitOutcome.Map(ResultState.Ignored, "later", null), Is.EqualTo((AllureStatus.Skipped, "later")));
            Assert.That(NUnitOutcome.Map(ResultState.Skipped, null, null).Status, Is.EqualTo(AllureStatus.Skipped));
            Assert.That(NUnitOutcome.Map(ResultState.Inconclusive, "unknown state", null), Is.EqualTo((AllureStatus.Broken, "Inconclusive: unknown state")));
            Assert.That(NUnitOutcome.Map(ResultState.Cancelled, null, null).Status, Is.EqualTo(AllureStatus.Broken));
        });
    }

    [Test]
    public void Product_failures_are_failed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(NUnitOutcome.Map(ResultState.Failure, "Expected: 3\n  But was: 2", null).Status, Is.EqualTo(AllureStatus.Failed));
            Assert.That(NUnitOutcome.Map(ResultState.Error, "Openterface.Hil.ExpectationFailedException : Needle 'x' not found", "at X()").Status,
                Is.EqualTo(AllureStatus.Failed));
        });
    }

    [Test]
    public void Rig_faults_are_broken_with_the_rig_fault_prefix()
    {
        var (status, message) = NUnitOutcome.Map(ResultState.Error, "Openterface.Hil.RigFaultException : No frame for 5s", null);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(AllureStatus.Broken));
            Assert.That(message, Is.EqualTo("Rig fault: Openterface.Hil.RigFaultException : No frame for 5s"));
        });
    }

    [Test]
    public void A_rig_fault_subclass_as_inner_exception_is_broken()
    {
        var name = typeof(LinkLostException).FullName!;
        var message = $"System.InvalidOperationException : Session failed\n  ----> {name} : HID link lost";
        Assert.That(NUnitOutcome.Map(ResultState.Error, message, null).Status, Is.EqualTo(AllureStatus.Broken));
    }

    [Test]
    public void A_setup_error_is_broken_with_the_setup_prefix_even_inside_a_rig_fault()
    {
        const string missing = "Openterface.Hil.NativeLibraryMissingException : Native library 'libhilcv.so' could not be loaded. Install it";
        var (status, message) = NUnitOutcome.Map(ResultState.Error, $"Openterface.Hil.RigFaultException : No fresh frame\n  ----> {missing}", null);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(AllureStatus.Broken));
            Assert.That(message, Does.StartWith("Setup error: Openterface.Hil.RigFaultException"));
            Assert.That(NUnitOutcome.Map(ResultState.Error, "Openterface.Hil.SetupException : no image", null).Message,
                Is.EqualTo("Setup error: Openterface.Hil.SetupException : no image"));
            Assert.That(NUnitOutcome.IsSetupError("Openterface.Hil.ExpectationFailedException : Needle 'x' not found", null), Is.False);
        });
    }
}
