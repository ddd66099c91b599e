using System.Text.Json;
using Openterface.Hil.Cli.Tests.Reporting;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.Cli.Tests;

/// <summary>
/// `hil info --serial auto --json` against recorded sysfs trees (HIL_SYSFS_ROOT) with the discovered node names linked
/// to an emulated chip on a pseudo-terminal (HIL_DEV_ROOT).
/// </summary>
[TestFixture]
public sealed class InfoAutoTests
{
    [Test]
    public async Task Info_auto_on_a_USB3_KVM_GO_finds_the_serial_and_video_pair_across_both_buses()
    {
        var json = await RunInfoAutoAsync("kvm-go-usb3", "ttyACM0", Ch9329EmulatorOptions.Ch32V208);

        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("chip").GetString(), Is.EqualTo("Ch32V208"));
            Assert.That(json.GetProperty("serialUsbId").GetString(), Is.EqualTo("1A86:FE0C"));
            Assert.That(json.GetProperty("video").GetString(), Does.EndWith("/video0"));
            Assert.That(json.GetProperty("videoUsbId").GetString(), Is.EqualTo("345F:2132"));
            Assert.That(json.GetProperty("generation").GetString(), Does.StartWith("KVM-GO"));
        });
    }

    [TestCase("ttyUSB0", "video2")]
    [TestCase("ttyUSB1", "video0")]
    public async Task Info_on_a_host_with_two_units_pairs_each_serial_port_with_its_own_capture_node(string serial, string video)
    {
        var json = await RunInfoAutoAsync("two-units", serial, Ch9329EmulatorOptions.Gen1, explicitSerial: true);

        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("video").GetString(), Does.EndWith("/" + video));
            Assert.That(json.GetProperty("chip").GetString(), Is.EqualTo("Ch9329"));
        });
    }

    private static async Task<JsonElement> RunInfoAutoAsync(string tree, string serialNode, Ch9329EmulatorOptions chip, bool explicitSerial = false)
    {
        var target = new RecordingTarget();
        await using var _ = target;
        await using var server = new PtyCh9329Server(new Ch9329Emulator(target, chip));
        var dev = Path.Combine(Path.GetTempPath(), "hil-dev-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dev);
        try
        {
            File.CreateSymbolicLink(Path.Combine(dev, serialNode), server.Path);
            var environment = new Dictionary<string, string?>
            {
                ["HIL_SYSFS_ROOT"] = Matching.CliRunner.Fixture("sysfs", tree),
                ["HIL_DEV_ROOT"] = dev,
            };
            var (exit, stdout, stderr) = await HilProcess.RunAsync(environment, dev, "info", "--serial", explicitSerial ? Path.Combine(dev, serialNode) : "auto", "--json");
            Assert.That(exit, Is.Zero, stderr);
            return JsonDocument.Parse(stdout).RootElement.Clone();
        }
        finally
        {
            Directory.Delete(dev, recursive: true);
        }
    }
}
