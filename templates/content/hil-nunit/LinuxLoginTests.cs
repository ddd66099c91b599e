using Openterface.Hil.NUnit;

namespace BoardTests;

/// <summary>
/// Runs against the simulator's QEMU target (GRUB + a Debian kernel). Its image is built once into
/// ~/.cache/openterface-hil on first use (1-3 minutes); `dotnet hil sim prepare` builds it ahead of time.
/// </summary>
[TestFixture]
[Feature("Boot")]
[Category("Qemu")]
[SimulatorTarget("qemu")]
public sealed class LinuxLoginTests : HilTest
{
    private static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(120);

    [Test]
    public async Task Root_can_log_in_after_a_power_cycle()
    {
        await Power.CycleAsync();
        await Expect(Screen.Text("GNU GRUB")).ToBeVisibleAsync(new() { Timeout = BootTimeout });
        await Keyboard.PressAsync("enter");                                   // "Normal boot"
        await Expect(Screen.Text("login:")).ToBeVisibleAsync(new() { Timeout = BootTimeout });
        await Keyboard.TypeAsync("root\n");
        await Expect(Screen.Text("Password:")).ToBeVisibleAsync();
        await Keyboard.TypeSecretAsync("hil\n");                              // never logged, never in the report
        await Keyboard.TypeAsync("uname -s | tr a-z A-Z\n");                 // the screen shows LINUX
        await Expect(Screen.Text("LINUX")).ToBeVisibleAsync();
    }
}
