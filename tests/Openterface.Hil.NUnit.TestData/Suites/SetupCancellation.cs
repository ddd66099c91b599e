namespace Openterface.Hil.NUnit.TestData.Suites;

/// <summary>
/// A HilTest whose only rig is leased by another process (Openterface.Hil.NUnit.Tests starts the holder and passes
/// HilSerial and HilLeaseDirectory): its setup waits for the rig until the test's CancelAfter fires.
/// </summary>
[TestFixture]
[Category("SetupCancellation")]
public sealed class SetupCancellation : HilTest
{
    [Test]
    [CancelAfter(2000)]
    public void Waits_in_setup_for_a_busy_rig() => Assert.Fail("The setup leased a rig that another process holds.");
}
