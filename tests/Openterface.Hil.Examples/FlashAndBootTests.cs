using System.Diagnostics;
using Openterface.Hil.NUnit;

namespace Openterface.Hil.Examples;

/// <summary>
/// Manual test plan "FW-11: a firmware image written on the bench reaches the board": write the image to the USB
/// stick on the Mini-KVM's switchable port while the test host owns it, hand the stick to the target, boot, and
/// check the target sees the new image. Runs against the QEMU target, whose USB stick is a FAT disk image.
/// </summary>
[TestFixture]
[Feature("Flash and boot")]
[SimulatorTarget("qemu")]
public sealed class FlashAndBootTests : HilTest
{
    [Test]
    [Story("USB switch")]
    [Severity(AllureSeverity.Critical)]
    public async Task An_image_written_on_the_host_side_is_seen_by_the_target_after_switching()
    {
        var version = $"2.{Random.Shared.Next(100, 1000)}.{Random.Shared.Next(100, 1000)}";
        await Usb.SwitchToHostAsync();
        await WriteToUsbStickAsync("VERSION", version);

        await Power.CycleAsync();
        await Expect(Screen.Text("Normal boot")).ToBeVisibleAsync(new() { Timeout = TimeSpan.FromSeconds(90) });
        await Keyboard.PressAsync("enter");
        await Expect(Screen.Text("login:")).ToBeVisibleAsync(new() { Timeout = TimeSpan.FromSeconds(90) });

        await Usb.SwitchToTargetAsync();
        await Expect(Screen.Text(version)).ToBeVisibleAsync(new() { Timeout = TimeSpan.FromSeconds(30) });

        await Usb.SwitchToHostAsync();
    }

    /// <summary>Writes a file onto the stick while the host side owns it (here the simulator's FAT image, with mtools).</summary>
    private async Task WriteToUsbStickAsync(string name, string content)
    {
        var disk = Simulator?.HostDiskPath ?? Environment.GetEnvironmentVariable("HIL_USB_DISK")
            ?? throw new InconclusiveException("No host-side USB disk: run against sim:qemu or set HIL_USB_DISK.");
        var file = Path.Combine(Path.GetTempPath(), $"{name}-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(file, content + "\n");
        try
        {
            using var mcopy = Process.Start(new ProcessStartInfo("mcopy", ["-o", "-i", disk, file, "::" + name]) { RedirectStandardError = true })!;
            await mcopy.WaitForExitAsync();
            Assert.That(mcopy.ExitCode, Is.Zero, await mcopy.StandardError.ReadToEndAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
