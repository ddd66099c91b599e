using Openterface.Hil.NUnit;

namespace Openterface.Hil.Examples;

/// <summary>
/// What a failure looks like in the report: this test waits for a screen that never comes. It is excluded from
/// ci/test's pass set (category DeliberateFailure); ci/demo runs it so the report shows a failed test with the
/// needle diff, the call log and the video, and a test in Openterface.Hil.NUnit.Tests checks that report.
/// </summary>
[TestFixture]
[Category("DeliberateFailure")]
[Feature("Reporting")]
[SimulatorTarget("console")]
public sealed class DeliberateFailureTests : HilTest
{
    [Test]
    [Story("A product failure")]
    public async Task The_boot_menu_never_appears_without_pressing_F12()
    {
        await Power.CycleAsync();
        await Expect(Screen.Needle("console-post")).ToBeVisibleAsync();

        // Nobody pressed F12: the machine boots to the login prompt and this expectation fails after 5 s.
        await Expect(Screen.Needle("console-boot-menu")).ToBeVisibleAsync(new() { Timeout = TimeSpan.FromSeconds(5) });
    }
}
