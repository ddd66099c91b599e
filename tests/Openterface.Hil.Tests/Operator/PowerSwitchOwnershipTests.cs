
namespace Openterface.Hil.Tests.Operator;

/// <summary>
/// Issue 14, finding 9: the QMP power switch opened from a 'qmp://' power URI was never disposed, so it kept QEMU's
/// single QMP client slot and the next session could not connect.
/// </summary>
public class PowerSwitchOwnershipTests
{
    [Test]
    public void A_qmp_power_uri_opens_a_driver_the_rig_can_dispose()
    {
        var driver = PowerUris.Open("qmp:///tmp/hil-none/qmp.sock", TimeProvider.System);

        Assert.That(driver, Is.InstanceOf<IAsyncDisposable>());
    }
}
