using System.Text.RegularExpressions;
using Openterface.Hil.NUnit;

namespace Openterface.Hil.Examples;

/// <summary>
/// Manual test plan "BOOT-02: recovery boot reaches a root shell": power on, choose "Recovery mode" in GRUB with the
/// arrow keys, log in, check the kernel, power off. Runs against the QEMU target (GRUB + Debian kernel + busybox).
/// </summary>
[TestFixture]
[Feature("Boot")]
[SimulatorTarget("qemu")]
public sealed class BootTests : HilTest
{
    private static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(90);

    [Test]
    [Story("Recovery boot")]
    [Severity(AllureSeverity.Blocker)]
    public async Task Recovery_boot_reaches_a_root_shell_running_the_expected_kernel()
    {
        await Power.CycleAsync();
        await Expect(Screen.Text("Normal boot")).ToBeVisibleAsync(new() { Timeout = BootTimeout });

        // GRUB marks the selected entry with '*'.
        await Keyboard.PressUntilAsync("down", Screen.Text(new Regex(@"\*\s*Recovery mode")), maxPresses: 4);
        await Keyboard.PressAsync("enter");

        await Expect(Screen.Text("login:")).ToBeVisibleAsync(new() { Timeout = BootTimeout });
        await Expect(Screen.Text("RECOVERY MODE")).ToBeVisibleAsync();
        await Keyboard.TypeAsync("root\n");
        await Expect(Screen.Text("Password:")).ToBeVisibleAsync();
        await Keyboard.TypeSecretAsync("hil\n");
        await Expect(Screen.Text("(recovery)")).ToBeVisibleAsync();

        await Keyboard.TypeAsync("uname -a\n");
        await Expect(Screen.Text(new Regex(@"Linux hil-target \d+\.\d+\.\d+"))).ToBeVisibleAsync();

        await Power.OffAsync();
    }
}
