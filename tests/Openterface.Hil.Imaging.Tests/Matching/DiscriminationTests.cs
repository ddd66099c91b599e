using System.Drawing;
using Openterface.Hil.Imaging.Tests.Matching.Corpus;

namespace Openterface.Hil.Imaging.Tests.Matching;

public sealed class DiscriminationTests
{
    private static readonly Lazy<NeedleSet> Needles = new(() => NeedleSet.LoadFolder(RepoPaths.Needles));

    [Test]
    public void A_blue_button_needle_does_not_match_the_same_button_in_green_of_equal_brightness()
    {
        // Colours chosen with (almost) the same grey value, so grey correlation alone sees the same button.
        var blue = Color.FromArgb(30, 40, 200);
        var green = Color.FromArgb(10, 80, 30);
        using var recorded = ButtonScreen(blue);
        using var seen = ButtonScreen(green);
        var needle = Needle.FromFrame(recorded, new Rectangle(300, 200, 200, 60), "ok-button-blue");
        using var matcher = new NeedleMatcher();

        var result = matcher.Match(seen, needle);

        Assert.Multiple(() =>
        {
            Assert.That(result.AreaScores[0], Is.GreaterThan(0.95), "grey alone cannot tell them apart");
            Assert.That(result.Found, Is.False);
            Assert.That(result.Reason, Does.StartWith("colour mismatch: expected blue (B 192 G 40 R 31), saw green-ish (B 31 G 78 R 12) at 300,200; difference 161 > tolerance 40"));
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

        var masked = matcher.Match(frame, Needles.Value.Get("inst-panel"), SearchScope.NearRecordedPosition);
        var unmasked = matcher.Match(frame, withoutExclude, SearchScope.NearRecordedPosition);

        Assert.Multiple(() =>
        {
            Assert.That(masked.Found, Is.True, masked.Reason);
            Assert.That(masked.Bounds.Location, Is.EqualTo(new Point(1600, 0)));
            Assert.That(masked.Score, Is.GreaterThan(unmasked.Score), "the changed clock lowers the unmasked score");
        });
    }

    [Test]
    public void Repeated_text_matches_the_occurrence_nearest_the_recorded_position()
    {
        // '[Enabled]' appears on nine rows; the recorded one (row 6) is highlighted in this screen, so the plain
        // one on row 5 (16 px away) must win over row 8 (32 px) and every other row.
        using var frame = MatchingCorpus.Screen("bios-b-q80.jpg");
        using var matcher = new NeedleMatcher();

        var result = matcher.Match(frame, Needles.Value.Get("bios-enabled"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Found, Is.True, result.Reason);
            Assert.That(result.Bounds.Location, Is.EqualTo(TextScenes.BiosValue(1).Location));
            Assert.That(result.Scope, Is.EqualTo(SearchScope.NearRecordedPosition));
        });
    }

    [Test]
    public void Repeated_icons_beyond_the_margin_match_the_equal_one_nearest_the_recorded_position()
    {
        using var frame = MatchingCorpus.Screen("desktop-b.png");
        using var matcher = new NeedleMatcher();

        var result = matcher.Match(frame, Needles.Value.Get("desk-folder"), SearchScope.WholeFrame);

        Assert.That(result.Bounds.Location, Is.EqualTo(new Point(390, 225)));
    }

    [Test]
    public void A_needle_with_two_areas_matches_only_where_both_match_at_one_offset()
    {
        using var recorded = MatchingCorpus.Screen("installer-a.png");
        var d = GuiScenes.DialogA;
        var titleAndButton = TwoAreaNeedle(recorded, new Rectangle(d.X, d.Y, 480, 56), new Rectangle(d.X + 32, d.Y + 470, 160, 60), "title-and-back");
        var titleAndPanel = TwoAreaNeedle(recorded, new Rectangle(d.X, d.Y, 480, 56), new Rectangle(0, 0, 200, 40), "title-and-panel");
        using var moved = MatchingCorpus.Screen("installer-c-q80.jpg"); // dialog moved, panel not
        using var matcher = new NeedleMatcher();

        var together = matcher.Match(moved, titleAndButton);
        var apart = matcher.Match(moved, titleAndPanel);

        Assert.Multiple(() =>
        {
            Assert.That(together.Found, Is.True, together.Reason);
            Assert.That(together.Offset, Is.EqualTo(CorpusSpec.ShiftC));
            Assert.That(together.ClickPoint, Is.EqualTo(new Point(d.X + 32 + 80 + CorpusSpec.ShiftC.X, d.Y + 470 + 30 + CorpusSpec.ShiftC.Y)), "centre of the last area");
            Assert.That(apart.Found, Is.False, "the areas moved apart, so no common offset exists");
        });
    }

    [Test]
    public void A_miss_reports_the_best_candidate_with_score_and_place()
    {
        using var frame = MatchingCorpus.Screen("grub-b.png");
        using var matcher = new NeedleMatcher();

        var result = matcher.Match(frame, Needles.Value.Get("grub-entry"));

        Assert.That(result.Reason, Does.Match(@"^best 0\.\d\d at \d+,\d+; threshold 0\.95$"));
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
