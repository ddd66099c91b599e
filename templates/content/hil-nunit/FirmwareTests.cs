using Openterface.Hil.NUnit;

namespace BoardTests;

/// <summary>
/// Runs against the simulator's console target (scripted firmware screens), or a real board through a Mini-KVM
/// when hil.json names a rig: power-cycle, wait for POST, enter setup.
/// </summary>
[TestFixture]
[Feature("Firmware")]
[SimulatorTarget("console")]
public sealed class FirmwareTests : HilTest
{
    [Test]
    public async Task Setup_opens_from_the_power_on_screen()
    {
        await Power.CycleAsync();
        await Expect(Screen.Text("Press DEL or F2 to enter SETUP")).ToBeVisibleAsync();

        await Keyboard.PressAsync("f2");
        await Expect(Screen.Text("BIOS Version")).ToBeVisibleAsync();
    }
}
