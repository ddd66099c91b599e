using System.Diagnostics;

namespace Openterface.Hil.Simulator.Tests.Qemu;

/// <summary>
/// Measures (does not assert) boot times: TCG cold boot to GRUB and to the login prompt, the KVM attempt, the Auto
/// probe, and saved-state starts. Run on demand:
/// <c>dotnet test tests/Openterface.Hil.Simulator.Tests --no-build --filter Name~Boot_times -v n</c>.
/// </summary>
[TestFixture]
[Explicit("Measurement, prints figures; run on demand")]
[Category("Qemu")]
public class QemuBootTimings
{
    [Test]
    public async Task Boot_times_are_printed()
    {
        QemuTestEnvironment.RequireQemu();
        await ColdBootAsync(QemuAccelerator.Tcg);
        await ColdBootAsync(QemuAccelerator.Kvm);
        await AutoProbeAsync();
        foreach (var point in new[] { QemuStartPoint.GrubMenu, QemuStartPoint.LoginPrompt })
        {
            await using var target = await QemuTarget.CreateAsync(new QemuTargetOptions { StartFrom = point, Accelerator = QemuAccelerator.Tcg });
            var watch = Stopwatch.StartNew();
            await target.PowerAsync(VirtualPowerAction.On);
            await Report($"{point}: power-on took {watch.Elapsed.TotalSeconds:0.00}s ({target.LastStart})");
            await target.PowerAsync(VirtualPowerAction.Off);
            watch.Restart();
            await target.PowerAsync(VirtualPowerAction.On);
            await Report($"{point}: second power-on took {watch.Elapsed.TotalSeconds:0.00}s ({target.LastStart})");
        }
    }

    private static async Task ColdBootAsync(QemuAccelerator accelerator)
    {
        await using var target = await QemuTarget.CreateAsync(new QemuTargetOptions { Accelerator = accelerator });
        var watch = Stopwatch.StartNew();
        try
        {
            await target.PowerAsync(VirtualPowerAction.On);
            var grub = await target.WaitForSerialTextAsync("Power off", TimeSpan.FromSeconds(15));
            var atGrub = watch.Elapsed;
            await UsKeyboard.PressAsync(target, UsKeyboard.Enter);
            var chosen = watch.Elapsed;
            await target.WaitForSerialTextAsync("login:", TimeSpan.FromSeconds(60), grub);
            await Report($"{accelerator}: GRUB menu on ttyS0 {atGrub.TotalSeconds:0.00}s after power-on; login prompt {(watch.Elapsed - chosen).TotalSeconds:0.00}s after choosing Normal boot");
        }
        catch (QemuTargetException e)
        {
            await Report($"{accelerator}: no GRUB within 15s ({e.Message.Split('.')[0]})");
        }
    }

    private static async Task AutoProbeAsync()
    {
        await using var target = await QemuTarget.CreateAsync();
        var watch = Stopwatch.StartNew();
        await target.PowerAsync(VirtualPowerAction.On);
        await Report($"Auto: chose {target.ActiveAccelerator} (probe says KVM works: {QemuTarget.KvmProbeResult}); power-on incl. probe {watch.Elapsed.TotalSeconds:0.00}s");
    }

    private static async Task Report(string line) => await TestContext.Progress.WriteLineAsync("TIMING " + line);
}
