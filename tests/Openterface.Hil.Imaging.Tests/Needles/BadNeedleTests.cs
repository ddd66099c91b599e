using System.Drawing;

namespace Openterface.Hil.Imaging.Tests.Needles;

public sealed class BadNeedleTests
{
    private const string GoodJson = """{ "area": [ { "xpos": 0, "ypos": 0, "width": 16, "height": 16, "type": "match" } ], "tags": [ "t" ] }""";

    [Test]
    public void A_corrupt_png_names_the_needle_and_the_remedy()
    {
        using var folder = new TempFolder();
        folder.Write("broken.json", GoodJson);
        File.WriteAllBytes(folder.File("broken.png"), [0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4]);

        var error = Assert.Throws<ImagingException>(() => Needle.Load(folder.File("broken.json")));

        Assert.That(error!.Message, Is.EqualTo(
            $"Needle 'broken.json': Cannot decode '{folder.File("broken.png")}' (8 bytes): not a valid PNG or JPEG image. Re-save the needle image as PNG."));
    }

    [Test]
    public void An_empty_image_file_is_a_clear_error()
    {
        using var folder = new TempFolder();
        folder.Write("empty.json", GoodJson);
        File.WriteAllBytes(folder.File("empty.png"), []);

        var error = Assert.Throws<ImagingException>(() => Needle.Load(folder.File("empty.json")));

        Assert.That(error!.Message, Is.EqualTo(
            $"Needle 'empty.json': Cannot decode '{folder.File("empty.png")}': it is empty. Pass a PNG or JPEG image. Re-save the needle image as PNG."));
    }

    [Test]
    public void A_missing_png_names_the_expected_file()
    {
        using var folder = new TempFolder();
        folder.Write("lonely.json", GoodJson);

        var error = Assert.Throws<ImagingException>(() => Needle.Load(folder.File("lonely.json")));

        Assert.That(error!.Message, Is.EqualTo(
            $"Needle 'lonely.json' has no image: '{folder.File("lonely.png")}' does not exist. Save the screenshot next to the JSON with the same name."));
    }

    [Test]
    public void Bad_json_reports_line_and_position()
    {
        using var folder = new TempFolder();
        using (var screen = Patterns.Noise(32, 32, seed: 1))
        {
            screen.Save(folder.File("typo.png"));
        }

        folder.Write("typo.json", "{\n  \"tags\": [\"a\"],\n  \"area\": [ { \"xpos\": 0, }\n}\n");

        var error = Assert.Throws<ImagingException>(() => Needle.Load(folder.File("typo.json")));

        Assert.That(error!.Message, Does.StartWith("Needle 'typo.json' is not valid JSON at line 3, position").And.EndWith("Fix the JSON syntax."));
    }

    [Test]
    public void An_unknown_area_type_and_an_area_outside_the_image_are_both_reported()
    {
        using var folder = new TempFolder();
        using (var screen = Patterns.Noise(100, 50, seed: 1))
        {
            screen.Save(folder.File("odd.png"));
        }

        folder.Write("odd.json", """
            { "tags": ["x"], "area": [
              { "xpos": 0, "ypos": 0, "width": 10, "height": 10, "type": "matches" },
              { "xpos": 90, "ypos": 40, "width": 20, "height": 20, "type": "match" } ] }
            """);

        var error = Assert.Throws<ImagingException>(() => Needle.Load(folder.File("odd.json")));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("Needle 'odd.json' area 1 has unknown type 'matches'. Use 'match', 'ocr' or 'exclude'."));
            Assert.That(error.Message, Does.Contain(
                "Needle 'odd.json' area 2 (match) '90,40,20,20' reaches outside the 100x50 image 'odd.png'. Fix xpos/ypos/width/height."));
        });
    }

    [Test]
    public void A_needle_larger_than_the_frame_is_a_clear_error()
    {
        using var big = Patterns.Noise(1024, 768, seed: 2);
        var needle = Needle.FromFrame(big, new Rectangle(0, 0, 800, 600), "big-dialog");
        using var frame = Patterns.Noise(720, 400, seed: 3);
        using var matcher = new NeedleMatcher();

        var error = Assert.Throws<ImagingException>(() => matcher.Match(frame, needle));

        Assert.That(error!.Message, Is.EqualTo(
            "Needle 'big-dialog' area 800x600 is larger than the 720x400 frame ''. Record needles at the capture resolution, or check the capture mode."));
    }

    [Test]
    public void A_region_outside_the_frame_is_a_clear_error()
    {
        using var screen = Patterns.Noise(720, 400, seed: 2);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Needle.FromFrame(screen, new Rectangle(700, 380, 64, 32), "x"));

        Assert.That(error!.Message, Does.StartWith(
            "Region '700,380,64,32' is outside the 720x400 screenshot. Choose a region with positive size inside the screenshot."));
    }

    [Test]
    public void A_folder_with_bad_needles_fails_to_load_listing_every_problem()
    {
        using var folder = new TempFolder();
        folder.Write("a.json", GoodJson);
        folder.Write("b.json", "[1, 2]");

        var error = Assert.Throws<ImagingException>(() => NeedleSet.LoadFolder(folder.Path));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith($"Needle folder '{folder.Path}' has 3 problem(s) (run 'hil needle check {folder.Path}'):"));
            Assert.That(error.Message, Does.Contain("Needle 'a.json' has no image"));
            Assert.That(error.Message, Does.Contain("Needle 'b.json' must hold a JSON object with 'tags' and 'area', not a Array."));
            Assert.That(error.Message, Does.Contain("Needle 'b.json' has no image"));
        });
    }
}
