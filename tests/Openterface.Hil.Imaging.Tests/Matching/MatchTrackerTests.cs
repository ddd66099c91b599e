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
        using var c = MatchingCorpus.Screen("grub-a-blur-q75.jpg");

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
    public void Near_searches_run_between_periodic_whole_frame_searches()
    {
        using var matcher = new NeedleMatcher(new MatchOptions { WholeFrameEvery = 3 });
        using var tracker = new MatchTracker(matcher, [Needles.Value.Get("desk-trash")]);
        var scopes = new List<SearchScope>();
        for (var i = 0; i < 4; i++)
        {
            using var frame = MatchingCorpus.Screen(i % 2 == 0 ? "desktop-b.png" : "desktop-b-q80.jpg");
            tracker.Observe(frame);
            scopes.Add(tracker.Last!.Scope);
        }

        // The trash moved beyond the margin: only the whole-frame evaluations (1st and 4th) can find it.
        Assert.That(scopes, Is.EqualTo(new[] { SearchScope.WholeFrame, SearchScope.NearRecordedPosition, SearchScope.NearRecordedPosition, SearchScope.WholeFrame }));
    }
}
