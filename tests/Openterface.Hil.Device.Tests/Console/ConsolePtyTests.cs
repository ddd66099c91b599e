using Openterface.Hil.Simulator;

namespace Openterface.Hil.Device.Tests;

/// <summary>The tty path (termios, shared with the CH9329 port) over a real pseudo-terminal pair.</summary>
[TestFixture]
public sealed class ConsolePtyTests
{
    [TestCase(115200)]
    [TestCase(9600)]
    public async Task Sixty_four_KiB_of_every_byte_value_arrive_byte_exact(int baud)
    {
        var uart = new ScriptedUart();
        await using var server = UartServer.Start(uart);
        await using var link = await ConsoleLink.OpenAsync($"{server.Uri}?baud={baud}");
        var payload = BinaryPayload(64 * 1024, seed: baud);

        uart.Print(payload);
        await PollAsync(() => link.Transcript.RawLength >= payload.Length);

        Assert.Multiple(() =>
        {
            Assert.That(link.BaudRate, Is.EqualTo(baud));
            Assert.That(link.Transcript.RawSince(0), Is.EqualTo(payload));
        });
    }

    [TestCase(115200)]
    [TestCase(9600)]
    public async Task Bytes_written_to_the_console_reach_the_target_byte_exact(int baud)
    {
        var uart = new ScriptedUart();
        await using var server = UartServer.Start(uart);
        await using var link = await ConsoleLink.OpenAsync($"{server.Uri}?baud={baud}");
        var payload = BinaryPayload(16 * 1024, seed: baud + 1);

        await link.WriteAsync(payload);
        await PollAsync(() => uart.ReceivedCount >= payload.Length);

        Assert.That(uart.Received, Is.EqualTo(payload));
    }

    [Test]
    public async Task Unplugging_the_pty_drops_the_link_and_replugging_the_same_path_resumes()
    {
        var uart = new ScriptedUart();
        await using var server = UartServer.Start(uart);
        await using var link = await ConsoleLink.OpenAsync(server.Uri, new ConsoleLinkOptions { ReconnectInterval = TimeSpan.FromMilliseconds(20) });

        server.Unplug();
        await PollAsync(() => link.State == LinkState.Disconnected);
        server.Replug();
        await PollAsync(() => link.State == LinkState.Connected);
        uart.Print("after replug\n"u8.ToArray());
        await PollAsync(() => link.Transcript.Text.Contains("after replug", StringComparison.Ordinal));

        Assert.That(link.Events, Has.Some.StartsWith(string.Empty).And.Contains("console reconnected: " + server.Uri));
    }

    internal static byte[] BinaryPayload(int length, int seed)
    {
        var payload = new byte[length];
        for (var i = 0; i < 256; i++)
        {
            payload[i] = (byte)i;
        }

        new Random(seed).NextBytes(payload.AsSpan(256));
        return payload;
    }

    internal static async Task PollAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.That(condition(), Is.True, "condition not reached within 15 s");
    }
}
