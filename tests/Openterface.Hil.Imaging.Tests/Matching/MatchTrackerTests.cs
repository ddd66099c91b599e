using Openterface.Hil.Imaging.Tests.Matching.Corpus;

namespace Openterface.Hil.Imaging.Tests.Matching;

public sealed class MatchTrackerTests
{
    private static readonly Lazy<NeedleSet> Needles = new(() => NeedleSet.LoadFolder(RepoPaths.Needles));

    [Test]
    public void An_unchanged_frame_is_not_evaluated_again()
    {
        using var matcher = new NeedleMatcher();
        using var tracker = new MatchTracker(matcher, [Needles.Value.Get("grub-entry")]);
        using var first = MatchingCorpus.Screen("grub-b.png");
        using var sameObject = first.Share();
        using var identicalCopy = first.Crop(first.Bounds);

        tracker.Observe(first);
        tracker.Observe(sameObject);
        tracker.Observe(identicalCopy);

        Assert.Multiple(() =>
        {
            Assert.That(tracker.Evaluations, Is.EqualTo(1));
            Assert.That(tracker.SkippedUnchanged, Is.EqualTo(2));
            Assert.That(matcher.Evaluations, Is.EqualTo(1));
        });
    }

    [Test]
    public void A_changed_frame_is_evaluated()
    {
        using var matcher = new NeedleMatcher();
        using var tracker = new MatchTracker(matcher, [Needles.Value.Get("grub-entry")]);
        using var before = MatchingCorpus.Screen("grub-b.png");
        using var after = MatchingCorpus.Screen("grub-a.png");

        var first = tracker.Observe(before);
        var second = tracker.Observe(after);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.Null);
            Assert.That(second?.Found, Is.True);
            Assert.That(tracker.Evaluations, Is.EqualTo(2));
        });
    }

    [Test]
    public void Consecutive_matches_are_required_before_a_match_is_reported()
    {
        using var matcher = new NeedleMatcher();
        using var tracker = new MatchTracker(matcher, [Needles.Value.Get("grub-entry")], consecutive: 2);
        using var a = MatchingCorpus.Screen("grub-a.png");
        using var b = MatchingCorpus.Screen("grub-a-q80.jpg");
        using var miss = MatchingCorpus.Screen("grub-b.png");
        using var c = OnePixelChanged(a); // a new frame that still matches

        var afterOne = tracker.Observe(a);
        var afterMiss = tracker.Observe(miss);
        var afterRestart = tracker.Observe(b);
        var afterTwo = tracker.Observe(c);

        Assert.Multiple(() =>
        {
            Assert.That(afterOne, Is.Null);
            Assert.That(afterMiss, Is.Null);
            Assert.That(afterRestart, Is.Null, "a miss resets the streak");
            Assert.That(afterTwo?.Found, Is.True);
        });
    }

    [Test]
    public void In_a_10_s_wait_a_margin_50_needle_60_px_away_is_found_only_once_the_margin_has_grown_past_60_px()
    {
        // A fake clock: the wait's elapsed time advances 100 ms per frame and only the elapsed share reaches the matcher.
        var folder = Path.Combine(RepoPaths.Root, "fixtures", "needles", "labelled");
        var needle = Needle.Load(Path.Combine(folder, "needles", "boot-dialog.json"));
        using var away = ImageCodec.Load(Path.Combine(folder, "screens", "boot-dialog-60px-margin50.png"));
        var timeout = TimeSpan.FromSeconds(10);
        using var matcher = new NeedleMatcher();
        using var tracker = new MatchTracker(matcher, [needle]);
        TimeSpan? foundAt = null;
        var lastMissMargin = 0;
        for (var elapsed = TimeSpan.Zero; elapsed <= timeout && foundAt is null; elapsed += TimeSpan.FromMilliseconds(100))
        {
            var ratio = elapsed / timeout;
            var result = tracker.Observe(away, final: true, searchRatio: ratio);
            if (result is not null)
            {
                foundAt = elapsed;
            }
            else
            {
                lastMissMargin = tracker.Last!.Areas[0].Margin;
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(foundAt, Is.EqualTo(TimeSpan.FromMilliseconds(200)), "50 + 0.01 x 974 = 59 px at 100 ms; 50 + 0.02 x 974 = 69 px at 200 ms");
            Assert.That(lastMissMargin, Is.EqualTo(59));
            Assert.That(tracker.Last!.Areas[0].Margin, Is.EqualTo(69));
            Assert.That(tracker.Last.Areas[0].SearchBox.Width, Is.GreaterThan(needle.Areas[0].Bounds.Width + 120));
        });
    }

    private static Frame OnePixelChanged(Frame frame)
    {
        var pixels = frame.Pixels.ToArray();
        pixels[^1] ^= 0x01;
        return Frame.FromPixels(pixels, frame.Width, frame.Height, frame.Format);
    }
}
