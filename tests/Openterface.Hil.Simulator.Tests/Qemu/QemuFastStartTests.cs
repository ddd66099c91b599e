using System.Diagnostics;
using Openterface.Hil.Video;

namespace Openterface.Hil.Simulator.Tests.Qemu;

/// <summary>
/// Saved VM states: the first power-on from a start point cold boots and saves the state next to the image; every
/// later power-on restores it (about 0.2 s under TCG instead of 10 s to the login prompt).
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("Qemu")]
public class QemuFastStartTests
{
    private static readonly TimeSpan Boot = TimeSpan.FromSeconds(60);

    [OneTimeSetUp]
    public void RequireQemu() => QemuTestEnvironment.RequireQemu();

    [Test]
    public async Task A_login_prompt_state_restores_to_a_target_that_takes_input()
    {
        await EnsureStateAsync(QemuStartPoint.LoginPrompt);
        await using var target = await QemuTarget.CreateAsync(new QemuTargetOptions { StartFrom = QemuStartPoint.LoginPrompt });

        await target.PowerAsync(VirtualPowerAction.On);
        await ReadScreenUntilAsync(target, "login:");
        await UsKeyboard.TypeAsync(target, "root\n");
        await ReadScreenUntilAsync(target, "Password");
        await UsKeyboard.TypeAsync(target, "hil\n");
        await target.WaitForSerialTextAsync("root login on 'tty1'", Boot);
        await UsKeyboard.TypeAsync(target, "echo HIL-FAST-$((2+3)) > /dev/ttyS0\n");
        await target.WaitForSerialTextAsync("HIL-FAST-5", Boot);

        Assert.That(target.LastStart, Is.EqualTo("restored saved state at LoginPrompt"));
    }

    [Test]
    public async Task A_grub_menu_state_restores_to_the_menu_and_the_spare_qmp_socket_is_free()
    {
        await EnsureStateAsync(QemuStartPoint.GrubMenu);
        await using var target = await QemuTarget.CreateAsync(new QemuTargetOptions { StartFrom = QemuStartPoint.GrubMenu });

        await target.PowerAsync(VirtualPowerAction.On);
        var screen = await ReadScreenUntilAsync(target, "Power off");
        await UsKeyboard.PressAsync(target, UsKeyboard.Down, times: 2);
        await UsKeyboard.PressAsync(target, UsKeyboard.Enter);
        await target.WaitForSerialTextAsync("Firmware Setup Utility", Boot);
        await using var spare = await QmpFrameSource.OpenAsync(new Uri("qmp://" + target.SpareQmpSocketPath));
        using var frame = await spare.ReadFrameAsync();

        Assert.Multiple(() =>
        {
            Assert.That(target.LastStart, Is.EqualTo("restored saved state at GrubMenu"));
            Assert.That(screen, Does.Contain("Normal boot"));
            Assert.That(frame.Size, Is.EqualTo(new System.Drawing.Size(720, 400)));
        });
    }

    /// <summary>Makes the saved state once (a cold boot) when no earlier run left one next to the image.</summary>
    private static async Task EnsureStateAsync(QemuStartPoint point)
    {
        await using var maker = await QemuTarget.CreateAsync(new QemuTargetOptions { StartFrom = point });
        if (File.Exists(await maker.SavedStatePathAsync(point)))
        {
            return;
        }

        await maker.PowerAsync(VirtualPowerAction.On);
        Assert.That(maker.LastStart, Does.StartWith("cold boot to"));
        Assert.That(File.Exists(await maker.SavedStatePathAsync(point)), Is.True);
    }

    private static async Task<string> ReadScreenUntilAsync(QemuTarget target, string text)
    {
        var watch = Stopwatch.StartNew();
        string screen;
        do
        {
            screen = await QemuTestEnvironment.ReadScreenAsync(target);
        }
        while (!screen.Contains(text, StringComparison.Ordinal) && watch.Elapsed < TimeSpan.FromSeconds(20));

        Assert.That(screen, Does.Contain(text), "the screen never showed it");
        return screen;
    }
}
