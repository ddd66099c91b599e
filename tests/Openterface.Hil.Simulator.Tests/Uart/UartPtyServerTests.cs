using Openterface.Hil.Device;

namespace Openterface.Hil.Simulator.Tests.Uart;

[TestFixture]
public sealed class UartPtyServerTests
{
    [Test]
    public async Task Output_printed_while_nobody_has_the_port_open_is_not_delivered_later()
    {
        var target = new ConsoleTarget(new ConsoleTargetOptions { StartPoweredOn = false });
        await using var targetLifetime = target;
        await using var server = (UartPtyServer)UartServer.Start(target);
        await target.PowerAsync(VirtualPowerAction.On);
        await PollAsync(() => server.DroppedBytes > 0);
        var dropped = server.DroppedBytes;

        await using var link = await ConsoleLink.OpenAsync(server.Uri);
        await PollAsync(() => server.HarnessConnected);
        await target.PowerAsync(VirtualPowerAction.Reset);
        await PollAsync(() => link.Transcript.Text.Contains("POST complete", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(link.Transcript.Text.Split("HIL Firmware BIOS"), Has.Length.EqualTo(2), "only the POST log after the open");
            Assert.That(server.DroppedBytes, Is.EqualTo(dropped));
            Assert.That(File.ResolveLinkTarget(server.Uri, returnFinalTarget: false)?.FullName, Is.EqualTo(server.SlavePath));
        });
    }

    private static async Task PollAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.That(condition(), Is.True, "condition not reached within 15 s");
    }
}
