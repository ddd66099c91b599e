using Openterface.Hil.NUnit;

namespace Openterface.Hil.Examples;

/// <summary>
/// Reproducing an intermittent boot hang: power-cycle the board again and again and stop at the first boot that
/// does not reach the login prompt, keeping the video of that boot in the report. The console target never hangs,
/// so this example passes; on a flaky board it fails with the boot number and the video attached.
/// </summary>
[TestFixture]
[Feature("Boot")]
[SimulatorTarget("console")]
public sealed class BootHangHuntTests : HilTest
{
    private const int Boots = 3;

    [Test]
    [Story("Boot-hang hunt")]
    public async Task Every_one_of_several_boots_reaches_the_login_prompt()
    {
        for (var boot = 1; boot <= Boots; boot++)
        {
            await Power.CycleAsync();
            try
            {
                await Screen.Text("hil-target login:").WaitForAsync(new() { Timeout = TimeSpan.FromSeconds(20) });
            }
            catch (ExpectationFailedException)
            {
                var video = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"boot-{boot}-hang.mp4");
                await Session.ExportRecentVideoAsync(video, TimeSpan.FromSeconds(20));
                TestContext.AddTestAttachment(video, $"Boot {boot} did not reach the login prompt");
                Assert.Fail($"Boot {boot} of {Boots} did not reach the login prompt within 20 s; its video is attached.");
            }

            await TestContext.Progress.WriteLineAsync($"boot {boot}/{Boots}: login prompt reached");
        }
    }
}
