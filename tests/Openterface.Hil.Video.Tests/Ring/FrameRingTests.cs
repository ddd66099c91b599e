using Microsoft.Extensions.Logging.Abstractions;

namespace Openterface.Hil.Video.Tests;

public class FrameRingTests
{
    private static readonly byte[] Jpeg = TestJpegs.PatternJpeg(64, 48, 1);

    [Test]
    public void The_ring_keeps_only_its_length_of_video()
    {
        var time = new ManualTimeProvider(LiveVideoHarness.Epoch, TimeSpan.FromSeconds(100));
        var ring = new FrameRing(TimeSpan.FromSeconds(2), long.MaxValue, time, NullLogger.Instance);

        for (var i = 0; i < 50; i++)
        {
            ring.Add(Jpeg, time.GetTimestamp(), i + 1);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var held = ring.Snapshot(null);
        Assert.Multiple(() =>
        {
            Assert.That(ring.Count, Is.EqualTo(21), "2 s at 10 fps, both ends included");
            Assert.That(time.GetElapsedTime(held[0].Timestamp, held[^1].Timestamp), Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(ring.Length, Is.EqualTo(TimeSpan.FromSeconds(2)));
        });
    }

    [Test]
    public void Ring_memory_stops_growing_once_full_because_buffers_are_reused()
    {
        var time = new ManualTimeProvider(LiveVideoHarness.Epoch, TimeSpan.FromSeconds(100));
        var ring = new FrameRing(TimeSpan.FromSeconds(1), long.MaxValue, time, NullLogger.Instance);
        for (var i = 0; i < 30; i++)
        {
            ring.Add(Jpeg, time.GetTimestamp(), i);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var full = ring.MemoryBytes;
        for (var i = 0; i < 100; i++)
        {
            ring.Add(Jpeg, time.GetTimestamp(), i);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.That(ring.MemoryBytes, Is.EqualTo(full));
    }

    [Test]
    public void The_memory_cap_drops_the_oldest_frames_first()
    {
        var time = new ManualTimeProvider(LiveVideoHarness.Epoch, TimeSpan.FromSeconds(100));
        var ring = new FrameRing(TimeSpan.FromSeconds(60), 5 * 65536, time, NullLogger.Instance);
        for (var i = 0; i < 20; i++)
        {
            ring.Add(Jpeg, time.GetTimestamp(), i + 1);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var held = ring.Snapshot(null);
        Assert.Multiple(() =>
        {
            Assert.That(ring.Count, Is.EqualTo(5));
            Assert.That(held[^1].Timestamp - held[0].Timestamp, Is.EqualTo(TimeSpan.FromMilliseconds(400).Ticks));
        });
    }

    [Test]
    public void A_window_selects_the_last_seconds()
    {
        var time = new ManualTimeProvider(LiveVideoHarness.Epoch, TimeSpan.FromSeconds(100));
        var ring = new FrameRing(TimeSpan.FromSeconds(20), long.MaxValue, time, NullLogger.Instance);
        for (var i = 0; i < 30; i++)
        {
            ring.Add(Jpeg, time.GetTimestamp(), i + 1);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.That(ring.Snapshot(TimeSpan.FromSeconds(1)), Has.Count.EqualTo(11));
    }

    [Test]
    public void Exporting_an_empty_ring_says_so()
    {
        var ring = new FrameRing(TimeSpan.FromSeconds(20), long.MaxValue, new ManualTimeProvider(LiveVideoHarness.Epoch, TimeSpan.FromSeconds(100)), NullLogger.Instance);

        var error = Assert.ThrowsAsync<VideoException>(() => ring.ExportAsync("/tmp/never.mp4"));

        Assert.That(error!.Message, Is.EqualTo("Cannot export '/tmp/never.mp4': the video ring holds no frames yet. Wait for the first frame."));
    }
}
