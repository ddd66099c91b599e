using Openterface.Hil.Protocol;

namespace Openterface.Hil.Device.Tests;

/// <summary>Media and ACPI keys (command 03, reference §2.6): press then release, golden bytes from the reference.</summary>
[TestFixture]
public sealed class MediaKeysTests
{
    [Test]
    public async Task Mute_sends_the_reference_press_and_release_frames()
    {
        await using var rig = await MemoryRig.StartAsync();
        var atConnect = rig.Emulator.OtherReports.Count;

        await rig.Kvm.Media.PressAsync(MediaKeyNames.Parse("mute"));

        var sent = rig.Emulator.OtherReports.Skip(atConnect).Select(f => Convert.ToHexString(f.ToBytes())).ToList();
        Assert.That(sent, Is.EqualTo(new[] { "57AB000304020400000F", "57AB000304020000000B" }));
    }

    [Test]
    public async Task Sleep_sends_the_acpi_report_then_releases_it()
    {
        await using var rig = await MemoryRig.StartAsync();
        var atConnect = rig.Emulator.OtherReports.Count;

        await rig.Kvm.Media.PressAcpiAsync(AcpiKeys.Sleep);

        var sent = rig.Emulator.OtherReports.Skip(atConnect).Select(f => Convert.ToHexString(f.ToBytes())).ToList();
        Assert.That(sent, Is.EqualTo(new[] { "57AB00030201020A", "57AB000302010008" }));
    }
}
