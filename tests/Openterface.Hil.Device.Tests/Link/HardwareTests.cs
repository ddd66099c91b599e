namespace Openterface.Hil.Device.Tests;

/// <summary>Runs against a real Mini-KVM when one is plugged into this host; skipped otherwise.</summary>
[TestFixture]
[Category("Hardware")]
public sealed class HardwareTests
{
    [Test]
    public async Task Real_mini_kvm_answers_get_info()
    {
        DiscoveredKvm found;
        try
        {
            found = new SysfsDiscovery().FindOne();
        }
        catch (DeviceNotFoundException e)
        {
            Assert.Ignore("No Mini-KVM attached: " + e.Message.Split('.')[0]);
            return;
        }

        await using var kvm = await MiniKvm.ConnectAsync(found.SerialPath, new MiniKvmOptions { HeartbeatInterval = TimeSpan.Zero });
        var info = await kvm.GetInfoAsync();
        await TestContext.Out.WriteLineAsync($"{found.Generation} on {found.SerialPath}: chip {info.VersionText}, target enumerated {info.TargetEnumerated}, LEDs {info.Leds}");
        Assert.That(kvm.BaudRate, Is.AnyOf(9600, 115200));
    }
}
