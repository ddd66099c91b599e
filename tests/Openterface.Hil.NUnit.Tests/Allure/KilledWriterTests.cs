using System.Text.Json;

namespace Openterface.Hil.NUnit.Tests;

public sealed class KilledWriterTests
{
    [Test]
    public async Task A_writer_killed_mid_run_leaves_only_whole_json_files()
    {
        using var dir = new TempDirectory();
        using (var child = TestDataProcess.Start("write-results", dir.Path))
        {
            await child.WaitForLineAsync("WRITING", TimeSpan.FromSeconds(30));
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (Directory.GetFiles(dir.Path, "*-result.json").Length < 25)
            {
                await Task.Delay(10, patience.Token);
            }

            await child.KillAsync();
        }

        var results = Directory.GetFiles(dir.Path, "*-result.json");
        var leftovers = Directory.GetFiles(dir.Path).Select(Path.GetFileName)
            .Where(n => !n!.EndsWith("-result.json", StringComparison.Ordinal) && !n.Contains("-attachment.", StringComparison.Ordinal))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(results, Has.Length.GreaterThanOrEqualTo(25));
            foreach (var file in results)
            {
                var json = JsonDocument.Parse(File.ReadAllBytes(file)).RootElement;
                Assert.That(json.GetProperty("steps").GetArrayLength(), Is.EqualTo(50), file);
                foreach (var attachment in json.GetProperty("attachments").EnumerateArray())
                {
                    Assert.That(new FileInfo(Path.Combine(dir.Path, attachment.GetProperty("source").GetString()!)).Length, Is.EqualTo(64 * 1024));
                }
            }

            Assert.That(leftovers, Has.All.StartsWith(".hil-").And.All.EndsWith(".tmp"), "only hidden temporary files may be left");
            Assert.That(leftovers, Has.Count.LessThanOrEqualTo(1));
        });
    }
}
