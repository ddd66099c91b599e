namespace Openterface.Hil.Video.Tests;

public class CfrTimelineTests
{
    [Test]
    public void Frames_are_repeated_over_gaps_so_the_video_keeps_real_time()
    {
        var timeline = new CfrTimeline(timestampFrequency: 1000, framesPerSecond: 10);

        var repeats = new[] { timeline.Advance(0), timeline.Advance(100), timeline.Advance(350), timeline.Finish(450) };

        Assert.Multiple(() =>
        {
            Assert.That(repeats, Is.EqualTo(new[] { 0, 1, 3, 1 }), "frame 0 at tick 0; frame 1 at 100..300; frame 2 at 400");
            Assert.That(timeline.Ticks, Is.EqualTo(5), "0.5 s of output for 0.45 s of capture plus the last frame's period");
        });
    }

    [Test]
    public void Frames_faster_than_the_output_rate_are_skipped()
    {
        var timeline = new CfrTimeline(timestampFrequency: 1000, framesPerSecond: 10);

        var repeats = new[] { timeline.Advance(0), timeline.Advance(30), timeline.Advance(60), timeline.Advance(90), timeline.Finish(100) };

        Assert.That(repeats, Is.EqualTo(new[] { 0, 1, 0, 0, 1 }), "only the frames current at ticks 0 and 100 are written");
    }
}
