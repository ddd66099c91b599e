namespace Openterface.Hil.Cli.Tests.Simulator;

/// <summary>
/// Issue 14 finding 9: `hil sim --target qemu` killed with SIGKILL (no handler runs) leaves no QEMU, no work folder and
/// no screen dump behind.
/// </summary>
[TestFixture]
public sealed class KilledSimulatorTests
{
    [Test]
    public async Task A_simulator_killed_with_SIGKILL_leaves_no_QEMU_work_folder_or_screen_dump()
    {
        SimProcess.RequireQemu();
        var temp = Directory.CreateTempSubdirectory("hil-killed-sim-").FullName;
        try
        {
            using var sim = await SimProcess.StartAsync(new Dictionary<string, string> { ["TMPDIR"] = temp }, "--target", "qemu", "--cold-boot");
            var workFolder = Path.GetDirectoryName(sim.Uri("qmp"))!;
            Assert.That(workFolder, Does.StartWith(temp), "the work folder is a temporary folder of the simulator");
            var pidFile = Path.Combine(workFolder, "qemu.pid");
            var qemuPid = int.Parse((await PollAsync("QEMU wrote its pid file", () => File.Exists(pidFile) && File.ReadAllText(pidFile).Trim() is { Length: > 0 } pid ? pid : null))!);
            await PollAsync("the simulator made its screen dump file", () => Dumps(sim.Id).Length > 0 ? "dumping" : null);

            await sim.KillAsync();

            await PollAsync(
                "QEMU, the work folder and the screen dump are gone",
                () => !Runs(qemuPid) && !Directory.Exists(workFolder) && Dumps(sim.Id).Length == 0 ? "clean" : null,
                TimeSpan.FromSeconds(20));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>Running, not a zombie waiting for a parent that does not reap (PID 1 of a container may not).</summary>
    private static bool Runs(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string[] Dumps(int pid) =>
        Directory.Exists("/dev/shm") ? Directory.GetFiles("/dev/shm", $"hil-screendump-{pid}-*.ppm") : [];

    private static async Task<string?> PollAsync(string what, Func<string?> probe, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < limit)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"not within {limit}: {what}");
        return null;
    }
}
