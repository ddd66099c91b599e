using Openterface.Hil.Device;

namespace Openterface.Hil.Simulator.Tests.Uart;

[TestFixture]
public sealed class UartTcpServerTests
{
    [Test]
    public async Task The_console_over_tcp_carries_the_post_log_and_survives_an_unplug()
    {
        var target = new ConsoleTarget(new ConsoleTargetOptions { StartPoweredOn = false });
        await using var targetLifetime = target;
        await using var server = UartServer.Start(target, tcpPort: 0);
        await using var link = await ConsoleLink.OpenAsync(server.Uri, new ConsoleLinkOptions { ReconnectInterval = TimeSpan.FromMilliseconds(20) });
        await PollAsync(() => server.HarnessConnected);

        await target.PowerAsync(VirtualPowerAction.On);
        await PollAsync(() => link.Transcript.Text.Contains("POST complete", StringComparison.Ordinal));
        server.Unplug();
        await PollAsync(() => link.State == LinkState.Disconnected);
        await target.PowerAsync(VirtualPowerAction.Reset);
        var whileUnplugged = link.Transcript.Text;
        server.Replug();
        await PollAsync(() => link.State == LinkState.Connected && server.HarnessConnected);
        await target.PowerAsync(VirtualPowerAction.Reset);
        await PollAsync(() => link.Transcript.Text.Split("POST complete").Length == 3);

        Assert.Multiple(() =>
        {
            Assert.That(server.Uri, Does.StartWith("tcp://127.0.0.1:"));
            Assert.That(link.Transcript.Text, Does.StartWith("HIL Firmware BIOS v2.14.1021\n"));
            Assert.That(whileUnplugged.Split("POST complete"), Has.Length.EqualTo(2), "output while unplugged is lost");
            Assert.That(link.Events, Has.Some.Contains("console lost").And.Some.Contains("console reconnected"));
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
