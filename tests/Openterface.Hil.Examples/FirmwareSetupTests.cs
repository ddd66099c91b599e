using System.Text.RegularExpressions;
using Openterface.Hil.NUnit;

namespace Openterface.Hil.Examples;

/// <summary>
/// Manual test plan "BIOS-07: Secure Boot can be switched off and stays off": enter setup during POST, go to the
/// Security page, switch Secure Boot, save with F10, let the machine reboot and check POST reports the new value.
/// Runs against the console target (scripted firmware screens), or any PC whose setup looks like it.
/// </summary>
[TestFixture]
[Feature("Firmware setup")]
[SimulatorTarget("console")]
public sealed class FirmwareSetupTests : HilTest
{
    [Test]
    [Story("Change a setting, save, reboot, verify")]
    [Severity(AllureSeverity.Critical)]
    public async Task Secure_boot_can_be_disabled_and_stays_disabled_after_a_reboot()
    {
        await Power.CycleAsync();
        await Expect(Screen.Needle("console-post")).ToBeVisibleAsync();

        await Keyboard.PressAsync("f2");
        await Expect(Screen.Needle("console-setup-main")).ToBeVisibleAsync();

        // Right arrow until the Security page shows Secure Boot (its first item).
        await Keyboard.PressUntilAsync("right", Screen.Text(new Regex(@"Secure Boot\s+\[Enabled\]")), maxPresses: 6);

        await Keyboard.PressAsync("enter");
        await Expect(Screen.Text(new Regex(@"Secure Boot\s+\[Disabled\]"))).ToBeVisibleAsync();

        await Keyboard.PressAsync("f10");
        await Expect(Screen.Needle("console-setup-save-dialog")).ToBeVisibleAsync();
        await Keyboard.PressAsync("enter");

        // The machine resets; POST must report the saved value.
        await Expect(Screen.Text("Secure Boot : Disabled")).ToBeVisibleAsync();
    }

    [Test]
    [Story("Boot menu")]
    public async Task The_boot_menu_lists_the_usb_stick_only_while_it_is_switched_to_the_target()
    {
        await Usb.SwitchToHostAsync();
        await Power.CycleAsync();
        await Expect(Screen.Needle("console-post")).ToBeVisibleAsync();
        await Keyboard.PressAsync("f12");
        await Expect(Screen.Text("Please select boot device")).ToBeVisibleAsync();
        await Expect(Screen.Text("USB: HIL Flash")).Not.ToBeVisibleAsync();

        await Keyboard.PressAsync("esc");
        await Usb.SwitchToTargetAsync();
        await Power.CycleAsync();
        await Expect(Screen.Needle("console-post")).ToBeVisibleAsync();
        await Keyboard.PressAsync("f12");
        await Expect(Screen.Text("USB: HIL Flash")).ToBeVisibleAsync();
    }
}
