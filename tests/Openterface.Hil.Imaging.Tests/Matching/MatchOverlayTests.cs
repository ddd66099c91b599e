using System.Drawing;
using Openterface.Hil.Imaging.Tests.Matching.Corpus;

namespace Openterface.Hil.Imaging.Tests.Matching;

public sealed class MatchOverlayTests
{
    [Test]
    public void The_overlay_outlines_a_match_in_green_and_a_miss_in_red()
    {
        var needles = NeedleSet.LoadFolder(RepoPaths.Needles);
        using var frame = MatchingCorpus.Screen("installer-b.png");
        using var matcher = new NeedleMatcher();
        var hit = matcher.Match(frame, needles.Get("inst-title"));
        var miss = matcher.Match(frame, needles.Get("inst-install-blue"));

        using var green = MatchOverlay.Draw(frame, hit);
        using var red = MatchOverlay.Draw(frame, miss);

        Assert.Multiple(() =>
        {
            Assert.That(green.Size, Is.EqualTo(frame.Size));
            Assert.That(Pixel(green, hit.Bounds.Location), Is.EqualTo((0, 200, 0)));
            Assert.That(Pixel(red, miss.Bounds.Location), Is.EqualTo((0, 0, 230)));
        });
    }

    [Test]
    public void The_diff_image_shows_needle_candidate_and_difference_side_by_side()
    {
        var needle = NeedleSet.LoadFolder(RepoPaths.Needles).Get("inst-install-blue");
        using var frame = MatchingCorpus.Screen("installer-b.png");
        using var matcher = new NeedleMatcher();
        var miss = matcher.Match(frame, needle);

        using var diff = MatchOverlay.Diff(frame, needle, miss);

        Assert.Multiple(() =>
        {
            Assert.That(diff.Size, Is.EqualTo(new Size((200 * 3) + 16, 60)));
            Assert.That(Pixel(diff, new Point(100, 5)).R, Is.LessThan(100), "needle: blue face");
            Assert.That(Pixel(diff, new Point(416 + 100, 5)).R, Is.GreaterThan(200), "difference: strong red where blue became green");
        });
    }

    private static (int B, int G, int R) Pixel(Frame frame, Point p)
    {
        var at = (p.Y * frame.Stride) + (p.X * 3);
        return (frame.Pixels[at], frame.Pixels[at + 1], frame.Pixels[at + 2]);
    }
}
