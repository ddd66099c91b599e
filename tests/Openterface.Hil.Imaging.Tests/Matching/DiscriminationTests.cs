using System.Drawing;
using Openterface.Hil.Imaging.Tests.Matching.Corpus;

namespace Openterface.Hil.Imaging.Tests.Matching;

public sealed class DiscriminationTests
{
    private static readonly Lazy<NeedleSet> Needles = new(() => NeedleSet.LoadFolder(RepoPaths.Needles));

    [Test]
    public void An_openQA_needle_is_colourblind_as_in_openQA_but_a_template_tells_blue_from_green()
    {
        // Colours chosen with (almost) the same grey value: openQA compares grey only, so it accepts the green
        // button (its documented behaviour); a bare PNG template is compared in colour (stb-tester) and is rejected.
        var blue = Color.FromArgb(30, 40, 200);
        var green = Color.FromArgb(10, 80, 30);
        using var recorded = ButtonScreen(blue);
        using var seen = ButtonScreen(green);
        var button = new Rectangle(300, 200, 200, 60);
        var needle = Needle.FromFrame(recorded, button, "ok-button-blue");
        using var cutout = recorded.Crop(button);
        var template = Needle.FromTemplate(cutout, "ok-button-blue-template");
        using var matcher = new NeedleMatcher();

        var openQa = matcher.Match(seen, needle);
        var stb = matcher.Match(seen, template);
        var stbOnBlue = matcher.Match(recorded, template);

        Assert.Multiple(() =>
        {
            Assert.That(openQa.Found, Is.True, openQa.ToString());
            Assert.That(stb.Found, Is.False, stb.ToString());
            Assert.That(stb.Metric, Is.EqualTo(MatchMetric.TemplateSqDiff));
            Assert.That(stbOnBlue.Found, Is.True, stbOnBlue.ToString());
            Assert.That(stbOnBlue.Bounds.Location, Is.EqualTo(button.Location));
        });
    }

    [TestCase("installer-b.png")]
    [TestCase("installer-b-blur-q75.jpg")]
    public void The_blue_install_button_needle_does_not_match_the_green_install_button(string screen)
    {
        using var frame = MatchingCorpus.Screen(screen);
        using var matcher = new NeedleMatcher();

        var result = matcher.Match(frame, Needles.Value.Get("inst-install-blue"));

        Assert.That(result.Found, Is.False, result.ToString());
    }

    [Test]
    public void An_excluded_area_with_changing_content_still_matches()
    {
        using var frame = MatchingCorpus.Screen("installer-b-q80.jpg"); // clock 10:57 instead of 10:42
        using var recorded = MatchingCorpus.Screen("installer-a.png");
        using var matcher = new NeedleMatcher();
        var withoutExclude = Needle.FromFrame(recorded, new Rectangle(1600, 0, 320, 40), "panel-unmasked");

        var masked = matcher.Match(frame, Needles.Value.Get("inst-panel"));
        var unmasked = matcher.Match(frame, withoutExclude);

        Assert.Multiple(() =>
        {
            Assert.That(masked.Found, Is.True, masked.Reason);
            Assert.That(masked.Bounds.Location, Is.EqualTo(new Point(1600, 0)));
            Assert.That(masked.Score, Is.GreaterThan(unmasked.Score), "the changed clock lowers the unmasked score");
        });
    }

    [Test]
    public void Repeated_text_is_found_on_a_plain_row_when_the_recorded_row_is_highlighted()
    {
        // '[Enabled]' appears on nine rows; the recorded one (row 6) is highlighted in this screen.
        using var frame = MatchingCorpus.Screen("bios-b-q80.jpg");
        using var matcher = new NeedleMatcher();

        var result = matcher.Match(frame, Needles.Value.Get("bios-enabled"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Found, Is.True, result.Reason);
            Assert.That(result.Bounds.Location, Is.Not.EqualTo(TextScenes.BiosValue(2).Location));
            Assert.That(Math.Abs(result.Offset.Y), Is.LessThanOrEqualTo(50), "within the margin");
        });
    }

    [Test]
    public void Icons_moved_beyond_the_margin_are_found_only_when_a_wait_has_widened_it()
    {
        using var frame = MatchingCorpus.Screen("desktop-b.png"); // every icon moved +300,+150
        using var matcher = new NeedleMatcher();

        var start = matcher.Match(frame, Needles.Value.Get("desk-trash"));
        var end = matcher.Match(frame, Needles.Value.Get("desk-trash"), SearchScope.Auto, searchRatio: 1);

        Assert.Multiple(() =>
        {
            Assert.That(start.Found, Is.False, start.ToString());
            Assert.That(start.Areas[0].Margin, Is.EqualTo(50));
            Assert.That(end.Found, Is.True, end.Reason);
            Assert.That(end.Areas[0].Margin, Is.EqualTo(1024));
        });
    }

    [Test]
    public void Each_area_of_a_two_area_needle_is_searched_on_its_own()
    {
        using var recorded = MatchingCorpus.Screen("installer-a.png");
        var d = GuiScenes.DialogA;
        var titleAndPanel = TwoAreaNeedle(recorded, new Rectangle(d.X, d.Y, 480, 56), new Rectangle(0, 0, 200, 40), "title-and-panel");
        using var moved = MatchingCorpus.Screen("installer-c-q80.jpg"); // dialog moved -300,+200, panel not
        using var matcher = new NeedleMatcher();

        var start = matcher.Match(moved, titleAndPanel);
        var end = matcher.Match(moved, titleAndPanel, SearchScope.Auto, searchRatio: 1);

        Assert.Multiple(() =>
        {
            Assert.That(start.Found, Is.False, "the title lies beyond its 50 px margin");
            Assert.That(start.Areas[1].Passed, Is.True, "the panel did not move");
            Assert.That(end.Found, Is.True, end.Reason);
            Assert.That(end.Areas[0].Bounds.Location, Is.EqualTo(new Point(d.X + CorpusSpec.ShiftC.X, d.Y + CorpusSpec.ShiftC.Y)));
            Assert.That(end.Areas[1].Bounds.Location, Is.EqualTo(Point.Empty));
            Assert.That(end.ClickPoint, Is.EqualTo(new Point(100, 20)), "centre of the last area where it was found");
        });
    }

    [Test]
    public void A_miss_reports_the_best_candidate_with_similarity_place_and_the_box_searched()
    {
        using var frame = MatchingCorpus.Screen("grub-b.png");
        using var matcher = new NeedleMatcher();

        var result = matcher.Match(frame, Needles.Value.Get("grub-entry"));

        Assert.That(result.Reason, Does.Match(@"^best 0\.\d{4} at \d+,\d+; threshold 0\.96; searched \d+,\d+ \d+x\d+ \(margin 50\) \[openQA similarity of 'grub-entry'\]$"));
    }

    private static Frame ButtonScreen(Color face)
    {
        var fonts = GuiScenes.Fonts.Load();
        var canvas = new Canvas(720, 400);
        canvas.Fill(new Rectangle(0, 0, 720, 400), Color.FromArgb(20, 20, 20));
        canvas.Button(fonts.Medium, new Rectangle(300, 200, 200, 60), face, "OK", Color.White);
        return canvas.Frame;
    }

    private static Needle TwoAreaNeedle(Frame screen, Rectangle first, Rectangle second, string name)
    {
        var definition = new NeedleDefinition(
            [name],
            [new NeedleArea(first, NeedleAreaType.Match, null, null), new NeedleArea(second, NeedleAreaType.Match, null, null)],
            [], null, null, null);
        return Needle.Create(name, definition, screen, null);
    }
}
