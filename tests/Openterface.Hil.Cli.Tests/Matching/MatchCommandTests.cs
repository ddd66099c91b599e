using System.Text.Json;

namespace Openterface.Hil.Cli.Tests.Matching;

public sealed class MatchCommandTests
{
    [Test]
    public void Match_prints_json_with_the_place_and_exits_zero_when_found()
    {
        var (exit, output, _) = CliRunner.Run("match", CliRunner.Fixture("screens", "matching", "installer-c-q80.jpg"),
            CliRunner.Fixture("needles", "corpus", "inst-title.json"), "--json");

        using var json = JsonDocument.Parse(output);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(json.RootElement.GetProperty("found").GetBoolean(), Is.True);
            Assert.That(json.RootElement.GetProperty("x").GetInt32(), Is.EqualTo(260));
            Assert.That(json.RootElement.GetProperty("y").GetInt32(), Is.EqualTo(440));
            Assert.That(json.RootElement.GetProperty("width").GetInt32(), Is.EqualTo(480));
        });
    }

    [Test]
    public void Match_explains_a_miss_and_writes_overlay_and_diff_images()
    {
        var dir = Directory.CreateTempSubdirectory("hil-match-");
        try
        {
            var overlay = Path.Combine(dir.FullName, "overlay.png");
            var diff = Path.Combine(dir.FullName, "diff.png");
            var (exit, output, _) = CliRunner.Run("match", CliRunner.Fixture("screens", "matching", "installer-b.png"),
                CliRunner.Fixture("needles", "corpus", "inst-install-blue.png"), "--overlay", overlay, "--diff", diff);

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(1));
                Assert.That(output, Does.StartWith("not found 'inst-install-blue': "));
                Assert.That(File.Exists(overlay) && File.Exists(diff), Is.True);
            });
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void Match_with_a_missing_frame_names_the_file()
    {
        var (exit, _, error) = CliRunner.Run("match", "/nonexistent/frame.png", CliRunner.Fixture("needles", "corpus", "inst-title.json"));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Not.Zero);
            Assert.That(error, Is.EqualTo("hil: Image file '/nonexistent/frame.png' does not exist. Check the path." + Environment.NewLine));
        });
    }

    [Test]
    public void An_unknown_scope_is_a_usage_error()
    {
        var (exit, _, error) = CliRunner.Run("match", CliRunner.Fixture("screens", "matching", "bios-a.png"),
            CliRunner.Fixture("needles", "corpus", "bios-title.json"), "--scope", "everywhere");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("Scope 'everywhere' is not known. Use 'auto', 'near' or 'whole'."));
        });
    }
}
