using System.Text.Json.Nodes;
using Openterface.Hil.Video;

namespace Openterface.Hil.Simulator;

/// <summary>
/// The switchable USB port: a FAT disk image. Host side: QEMU has it detached and the test may read and write the
/// file (<see cref="HostDiskPath"/>, e.g. with mtools). Target side: hot-plugged into the guest's xHCI as a
/// usb-storage device (blockdev-add + device_add); switching back unplugs it (device_del, wait for DEVICE_DELETED,
/// blockdev-del). While powered off the position is remembered and applied at power-on.
/// </summary>
public sealed partial class QemuTarget
{
    private const string UsbNode = "hil-usb-disk";
    private const string UsbDevice = "hil-usb-stick";

    public bool UsbSwitchToTarget { get; private set; }

    /// <summary>The raw FAT disk image behind the switchable port (usable by the host while switched to the host).</summary>
    public string HostDiskPath => Path.Combine(WorkDirectory, "usb-disk.img");

    public async ValueTask SetUsbSwitchAsync(bool toTarget, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (toTarget == UsbSwitchToTarget)
            {
                return;
            }

            if (Client is { } client)
            {
                if (toTarget)
                {
                    await AttachUsbDiskAsync(client, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await DetachUsbDiskAsync(client, cancellationToken).ConfigureAwait(false);
                }
            }

            UsbSwitchToTarget = toTarget;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task AttachUsbDiskAsync(QmpClient client, CancellationToken cancellationToken)
    {
        var blockdev = new JsonObject
        {
            ["driver"] = "raw",
            ["node-name"] = UsbNode,
            ["file"] = new JsonObject { ["driver"] = "file", ["filename"] = HostDiskPath },
        };
        await client.ExecuteAsync("blockdev-add", blockdev, cancellationToken).ConfigureAwait(false);
        var device = new JsonObject
        {
            ["driver"] = "usb-storage",
            ["id"] = UsbDevice,
            ["drive"] = UsbNode,
            ["bus"] = "xhci.0",
            ["removable"] = true,
        };
        try
        {
            await client.ExecuteAsync("device_add", device, cancellationToken).ConfigureAwait(false);
        }
        catch (QmpException)
        {
            await client.ExecuteAsync("blockdev-del", new JsonObject { ["node-name"] = UsbNode }, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private async Task DetachUsbDiskAsync(QmpClient client, CancellationToken cancellationToken)
    {
        var before = client.LastEventSequence;
        await client.ExecuteAsync("device_del", new JsonObject { ["id"] = UsbDevice }, cancellationToken).ConfigureAwait(false);
        try
        {
            await client.WaitForEventAsync(
                    "DEVICE_DELETED",
                    before,
                    e => e.Data.TryGetProperty("device", out var id) && id.GetString() == UsbDevice,
                    cancellationToken)
                .WaitAsync(TimeSpan.FromSeconds(10), _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new QemuTargetException(
                $"QEMU did not report DEVICE_DELETED for '{UsbDevice}' within 10s after device_del. The USB disk may still be attached.", e);
        }

        await client.ExecuteAsync("blockdev-del", new JsonObject { ["node-name"] = UsbNode }, cancellationToken).ConfigureAwait(false);
    }
}
