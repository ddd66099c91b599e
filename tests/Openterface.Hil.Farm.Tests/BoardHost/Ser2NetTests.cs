using System.Text.Json;

namespace Openterface.Hil.Farm.Tests;

/// <summary>A board host as in the README: the Mini-KVM's serial port published by ser2net as raw TCP, driven over tcp://.</summary>
[Category("Farm")]
public sealed class Ser2NetTests
{
    [Test]
    public async Task The_simulators_ch9329_published_by_ser2net_is_driven_over_tcp()
    {
        Ser2Net.Require();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        using var sim = HilProcess.Start(null, "sim", "--json", "--target", "console");
        var pty = (await sim.FirstJsonAsync(timeout.Token)).GetProperty("serial").GetString()!;
        Assert.That(pty, Does.StartWith("/dev/pts/"), "hil sim serves the CH9329 on a pseudo-terminal by default");

        // The emulator answers at the CH9329's 115200 baud only, as the chip does: ser2net sets the pty's speed.
        using var ser2net = await Ser2Net.StartAsync(pty, 115200, timeout.Token);
        var uri = $"tcp://127.0.0.1:{ser2net.Port}?chip=ch9329";

        var before = await InfoAsync(uri);
        var (keyExit, _, keyError) = await HilProcess.RunAsync(null, "key", "--serial", uri, "capslock");
        var after = await InfoAsync(uri);

        Assert.Multiple(() =>
        {
            Assert.That(before.GetProperty("chip").GetString(), Is.EqualTo("Ch9329"));
            Assert.That(before.GetProperty("targetEnumerated").GetBoolean(), Is.True);
            Assert.That(keyExit, Is.Zero, keyError);
            Assert.That(before.GetProperty("leds").GetProperty("caps").GetBoolean(), Is.False);
            Assert.That(after.GetProperty("leds").GetProperty("caps").GetBoolean(), Is.True,
                "the target saw Caps Lock pressed through ser2net and reported its LED back over the same link");
        });
    }

    private static async Task<JsonElement> InfoAsync(string uri)
    {
        var (exitCode, stdout, stderr) = await HilProcess.RunAsync(null, "info", "--serial", uri, "--json");
        Assert.That(exitCode, Is.Zero, $"hil info --serial {uri} failed: {stderr}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }
}
