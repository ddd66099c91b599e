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

        Assert.That(error!.Message, Is.EqualTo("Tag 'grub' names 2 needles ('grub-entry', 'grub-help'); use WithTag() to match any of them, or a needle name."));
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
