using System.Drawing;
using Openterface.Hil.Imaging.Tests.Matching.Corpus;

namespace Openterface.Hil.Imaging.Tests.Needles;

public sealed class NeedleLoadingTests
{
    private const string OpenQaNeedle = """
        {
          "area": [
            { "xpos": 10, "ypos": 20, "width": 100, "height": 40, "type": "match", "match": 90, "margin": 80,
              "click_point": { "xpos": 5, "ypos": 6 } },
            { "xpos": 30, "ypos": 25, "width": 10, "height": 10, "type": "exclude" },
            { "xpos": 200, "ypos": 100, "width": 50, "height": 30, "type": "ocr", "click_point": "center" }
          ],
          "properties": [ "workaround", { "name": "glyph", "value": "x" } ],
          "tags": [ "grub-menu", "ENV-UEFI" ],
          "colour_tolerance": 25,
          "consecutive": 2
        }
        """;

    [Test]
    public void An_openQA_needle_loads_with_its_areas_tags_properties_and_our_optional_keys()
    {
        using var folder = new TempFolder();
        using (var screen = Patterns.Noise(320, 200, seed: 4))
        {
            screen.Save(folder.File("grub.png"));
        }

        folder.Write("grub.json", OpenQaNeedle);

        var needle = Needle.Load(folder.File("grub.png"));

        Assert.Multiple(() =>
        {
            Assert.That(needle.Name, Is.EqualTo("grub"));
            Assert.That(needle.Tags, Is.EqualTo(new[] { "grub-menu", "ENV-UEFI" }));
            Assert.That(needle.ImageSize, Is.EqualTo(new Size(320, 200)));
            Assert.That(needle.Areas, Has.Count.EqualTo(3));
            Assert.That(needle.Areas[0], Is.EqualTo(new NeedleArea(new Rectangle(10, 20, 100, 40), NeedleAreaType.Match, 90, new Point(5, 6)) { Margin = 80 }));
            Assert.That(needle.Areas[1].Type, Is.EqualTo(NeedleAreaType.Exclude));
            Assert.That(needle.Areas[2].ClickPoint, Is.EqualTo(new Point(25, 15)));
            Assert.That(needle.Properties, Is.EqualTo(new[] { "workaround", "glyph" }));
            Assert.That(needle.ColourTolerance, Is.EqualTo(25));
            Assert.That(needle.Consecutive, Is.EqualTo(2));
        });
    }

    [Test]
    public void A_needle_set_finds_needles_by_name_and_tag_and_suggests_close_names()
    {
        var set = NeedleSet.LoadFolder(RepoPaths.Needles);

        var error = Assert.Throws<ImagingException>(() => set.Get("bios-titel"));

        Assert.Multiple(() =>
        {
            Assert.That(set.Get("grub-help").Name, Is.EqualTo("grub-help"));
            Assert.That(set.Get("grub-first-entry").Name, Is.EqualTo("grub-entry"));
            Assert.That(set.WithTag("bios").Select(n => n.Name), Is.EquivalentTo(new[] { "bios-title", "bios-footer" }));
            Assert.That(set.TryGet("nothing-like-this", out _), Is.False);
            Assert.That(error!.Message, Does.StartWith("No needle or tag 'bios-titel' in '").And.Contains("Did you mean 'bios-title'"));
        });
    }

    [Test]
    public void A_tag_shared_by_several_needles_is_a_clear_error_from_get()
    {
        var set = NeedleSet.LoadFolder(RepoPaths.Needles);

        var error = Assert.Throws<ImagingException>(() => set.Get("grub"));

        Assert.That(error!.Message, Is.EqualTo("Tag 'grub' names 2 needles ('grub-entry', 'grub-help'); use Resolve() to match any of them, or a needle name."));
    }

    [Test]
    public void Resolve_returns_every_needle_with_a_tag_and_the_decision_names_the_one_that_matched()
    {
        var set = NeedleSet.LoadFolder(RepoPaths.Needles);
        using var screen = MatchingCorpus.Screen("grub-a.png");
        using var matcher = new NeedleMatcher();

        var grub = set.Resolve("grub");
        var byName = set.Resolve("grub-help");
        var ranked = matcher.Rank(screen, grub);

        Assert.Multiple(() =>
        {
            Assert.That(grub.Select(n => n.Name), Is.EquivalentTo(new[] { "grub-entry", "grub-help" }));
            Assert.That(byName.Select(n => n.Name), Is.EqualTo(new[] { "grub-help" }));
            Assert.That(ranked.All(r => r.Found), Is.True, "both grub needles are on the recorded GRUB screen");
            Assert.That(ranked[0].Error, Is.LessThanOrEqualTo(ranked[1].Error), "openQA ranks the smaller error first");
            Assert.That(matcher.MatchAny(screen, grub).NeedleName, Is.EqualTo(ranked[0].NeedleName));
            Assert.Throws<ImagingException>(() => set.Resolve("grbu"));
        });
    }

    [Test]
    public void OpenQA_ranking_prefers_found_then_smaller_error_then_workaround_then_name()
    {
        MatchResult R(string name, bool found, double error, bool workaround = false) =>
            new(name, found, 1, 0.96, System.Drawing.Rectangle.Empty, System.Drawing.Point.Empty, null) { Error = error, Workaround = workaround };
        var results = new List<MatchResult> { R("b", true, 0.001), R("z", false, 0), R("a", true, 0.001), R("w", true, 0.001, workaround: true), R("c", true, 0.0001) };

        results.Sort(NeedleRanking.Compare);

        Assert.That(results.Select(r => r.NeedleName), Is.EqualTo(new[] { "c", "w", "a", "b", "z" }));
    }

    [Test]
    public void Keys_openQA_reads_but_does_not_use_are_reported_as_notes()
    {
        using var folder = new TempFolder();
        File.Copy(Path.Combine(RepoPaths.Needles, "grub-help.png"), Path.Combine(folder.Path, "n.png"));
        File.WriteAllText(Path.Combine(folder.Path, "n.json"), """
            {"tags": ["n"], "area": [{"xpos": 0, "ypos": 0, "width": 10, "height": 10, "type": "match", "max_offset": 5, "processing_flags": ["x"]}]}
            """);

        var needle = Needle.Load(Path.Combine(folder.Path, "n.json"));

        Assert.That(needle.Notes, Has.Count.EqualTo(2).And.Some.Contains("'max_offset' = '5' is not used for matching"));
    }

    [Test]
    public void A_written_needle_loads_back_with_the_same_area_and_tags()
    {
        using var folder = new TempFolder();
        using var screen = Patterns.Noise(200, 100, seed: 9);
        var area = new NeedleArea(new Rectangle(20, 10, 64, 32), NeedleAreaType.Match, null, null);

        NeedleWriter.Write(screen, [area], ["login", "tty"], "login-prompt", folder.Path);
        var needle = Needle.Load(folder.File("login-prompt.json"));

        Assert.Multiple(() =>
        {
            Assert.That(needle.Areas, Is.EqualTo(new[] { area }));
            Assert.That(needle.Tags, Is.EqualTo(new[] { "login", "tty" }));
        });
    }
}
