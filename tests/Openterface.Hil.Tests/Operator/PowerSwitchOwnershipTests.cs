using Openterface.Hil.Adapters;
using Openterface.Hil.Device;

namespace Openterface.Hil.Tests.Operator;

/// <summary>
/// Issue 14, finding 9: the QMP power switch opened from a 'qmp://' power URI was never disposed, so it kept QEMU's
/// single QMP client slot and the next session could not connect.
/// </summary>
public class PowerSwitchOwnershipTests
{
    [Test]
    public async Task Disposing_the_power_adapter_disposes_a_switch_that_holds_a_connection()
    {
        var inner = new ConnectedSwitch();
        var adapter = new PowerSwitchAdapter(inner);

        await adapter.DisposeAsync();

        Assert.That(inner.Disposed, Is.True);
    }

    [Test]
    public void A_qmp_power_uri_opens_a_driver_the_rig_can_dispose()
    {
        var driver = PowerUris.Open("qmp:///tmp/hil-none/qmp.sock", TimeProvider.System);

        Assert.That(driver, Is.InstanceOf<IAsyncDisposable>());
    }

    private sealed class ConnectedSwitch : IPowerSwitch, IAsyncDisposable
    {
        public bool Disposed { get; private set; }

        public Task PowerOnAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task PowerOffAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ResetAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
