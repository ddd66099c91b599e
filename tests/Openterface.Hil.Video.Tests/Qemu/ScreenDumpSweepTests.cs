using System.Diagnostics;

namespace Openterface.Hil.Video.Tests.Qemu;

/// <summary>Issue 14 finding 9: a screen dump of a killed process does not stay readable in /dev/shm.</summary>
[TestFixture]
public sealed class ScreenDumpSweepTests
{
    [Test]
    public async Task Dumps_of_processes_that_no_longer_run_are_deleted_and_live_ones_kept()
    {
        using var exited = Process.Start("true")!;
        await exited.WaitForExitAsync();
        var folder = Directory.CreateTempSubdirectory("hil-sweep-").FullName;
        try
        {
            var orphan = Path.Combine(folder, $"hil-screendump-{exited.Id}-0123.ppm");
            var live = Path.Combine(folder, $"hil-screendump-{Environment.ProcessId}-4567.ppm");
            var other = Path.Combine(folder, "unrelated-1.ppm");
            foreach (var path in new[] { orphan, live, other })
            {
                await File.WriteAllTextAsync(path, "P6");
            }

            QmpScreenCapture.SweepOrphans(folder);

            Assert.Multiple(() =>
            {
                Assert.That(File.Exists(orphan), Is.False, "the dead process's dump is deleted");
                Assert.That(File.Exists(live), Is.True, "a running process's dump is kept");
                Assert.That(File.Exists(other), Is.True, "other files are never touched");
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
