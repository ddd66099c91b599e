using System.Text.Json;

namespace Openterface.Hil.Cli.Tests.Matching;

public sealed class MatchCommandTests
{
    [Test]
    public void Match_prints_json_with_the_metric_each_area_and_the_box_searched()
    {
        var (exit, output, _) = CliRunner.Run("match", CliRunner.Fixture("screens", "matching", "installer-c-q80.jpg"),
            CliRunner.Fixture("needles", "corpus", "inst-title.json"), "--search-ratio", "1", "--json");

        using var json = JsonDocument.Parse(output);
        var area = json.RootElement.GetProperty("areas")[0];
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(json.RootElement.GetProperty("found").GetBoolean(), Is.True);
            Assert.That(json.RootElement.GetProperty("metric").GetString(), Is.EqualTo("openqa-mse"));
            Assert.That(json.RootElement.GetProperty("x").GetInt32(), Is.EqualTo(260));
            Assert.That(json.RootElement.GetProperty("y").GetInt32(), Is.EqualTo(440));
            Assert.That(area.GetProperty("similarity").GetDouble(), Is.GreaterThanOrEqualTo(0.96));
            Assert.That(area.GetProperty("margin").GetInt32(), Is.EqualTo(1024));
            Assert.That(area.GetProperty("search_box").GetProperty("width").GetInt32(), Is.EqualTo(1920));
        });
    }

    [Test]
    public void Without_a_wait_the_margin_is_used_as_written()
    {
        var (exit, output, _) = CliRunner.Run("match", CliRunner.Fixture("needles", "labelled", "screens", "boot-dialog-60px-margin50.png"),
            CliRunner.Fixture("needles", "labelled", "needles", "boot-dialog.json"), "--json");
        var (exitWide, outputWide, _) = CliRunner.Run("match", CliRunner.Fixture("needles", "labelled", "screens", "boot-dialog-60px-margin50.png"),
            CliRunner.Fixture("needles", "labelled", "needles", "boot-dialog-margin100.json"), "--json");

        using var json = JsonDocument.Parse(output);
        using var wide = JsonDocument.Parse(outputWide);
        Assert.Multiple(() =>
        {
            Assert.That((exit, exitWide), Is.EqualTo((1, 0)), "margin 50 misses the dialog 60 px away; margin 100 finds it");
            Assert.That(json.RootElement.GetProperty("areas")[0].GetProperty("margin").GetInt32(), Is.EqualTo(50));
            Assert.That(wide.RootElement.GetProperty("areas")[0].GetProperty("margin").GetInt32(), Is.EqualTo(100));
        });
    }

    [Test]
    public void A_bare_png_cutout_is_a_template_and_an_exact_crop_scores_at_least_0_999_at_its_place()
    {
        var (exit, output, _) = CliRunner.Run("match", CliRunner.Fixture("needles", "labelled", "screens", "template-exact-crop.png"),
            CliRunner.Fixture("needles", "labelled", "templates", "bios-crop.png"), "--json");

        using var json = JsonDocument.Parse(output);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(json.RootElement.GetProperty("metric").GetString(), Is.EqualTo("stbt-sqdiff"));
            Assert.That(json.RootElement.GetProperty("score").GetDouble(), Is.GreaterThanOrEqualTo(0.999));
            Assert.That((json.RootElement.GetProperty("x").GetInt32(), json.RootElement.GetProperty("y").GetInt32()), Is.EqualTo((600, 300)));
            Assert.That(json.RootElement.GetProperty("areas")[0].GetProperty("confirm_remaining").GetInt64(), Is.Zero);
        });
    }

    [Test]
    public void A_tag_naming_two_needles_matches_either_and_names_the_one_that_matched()
    {
        var dir = Directory.CreateTempSubdirectory("hil-match-tag-");
        try
        {
            foreach (var (name, source) in new[] { ("grub-menu-box", "grub-menu-box"), ("bios-title", "bios-title") })
            {
                File.Copy(CliRunner.Fixture("needles", "labelled", "needles", source + ".png"), Path.Combine(dir.FullName, name + ".png"));
                var json = File.ReadAllText(CliRunner.Fixture("needles", "labelled", "needles", source + ".json"));
                File.WriteAllText(Path.Combine(dir.FullName, name + ".json"), json.Replace($"\"{source}\"", $"\"{source}\", \"boot-screen\"", StringComparison.Ordinal));
            }

            var (exitGrub, grub, _) = CliRunner.Run("match", CliRunner.Fixture("needles", "labelled", "screens", "grub-menu-box-same.png"), "--needles", dir.FullName, "--tag", "boot-screen", "--json");
            var (exitBios, bios, _) = CliRunner.Run("match", CliRunner.Fixture("needles", "labelled", "screens", "bios-title-same.png"), "--needles", dir.FullName, "--tag", "boot-screen", "--json");

            using var onGrub = JsonDocument.Parse(grub);
            using var onBios = JsonDocument.Parse(bios);
            Assert.Multiple(() =>
            {
                Assert.That((exitGrub, exitBios), Is.EqualTo((0, 0)));
                Assert.That(onGrub.RootElement.GetProperty("needle").GetString(), Is.EqualTo("grub-menu-box"));
                Assert.That(onBios.RootElement.GetProperty("needle").GetString(), Is.EqualTo("bios-title"));
                Assert.That(onBios.RootElement.GetProperty("candidates").GetArrayLength(), Is.EqualTo(2));
            });
        }
        finally
        {
            dir.Delete(recursive: true);
        }
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
    public void Needle_and_tag_together_are_a_usage_error()
    {
        var (exit, _, error) = CliRunner.Run("match", CliRunner.Fixture("screens", "matching", "bios-a.png"),
            CliRunner.Fixture("needles", "corpus", "bios-title.json"), "--needles", CliRunner.Fixture("needles", "corpus"), "--tag", "bios-title");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Not.Zero);
            Assert.That(error, Does.Contain("Give either NEEDLE, or both '--needles DIR' and '--tag TAG'"));
        });
    }
}
