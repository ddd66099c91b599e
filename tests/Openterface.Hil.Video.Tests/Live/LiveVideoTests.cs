namespace Openterface.Hil.Video.Tests;

[CancelAfter(20_000)]
public class LiveVideoTests
{
    [Test]
    public async Task Latest_is_null_before_the_first_frame_and_a_shared_frame_after()
    {
        await using var rig = new LiveVideoHarness();
        var before = rig.Video.TryGetLatest();

        var stamp = await rig.PushAsync(TestJpegs.Pattern(32, 16, 1));
        using var latest = rig.Video.TryGetLatest();

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.Null);
            Assert.That(latest!.Timestamp, Is.EqualTo(stamp));
            Assert.That(rig.Video.SourceUri, Is.EqualTo("scripted://test"));
        });
    }

    [Test]
    public async Task A_waiter_gets_the_first_frame_captured_after_its_point_in_time()
    {
        await using var rig = new LiveVideoHarness();
        var old = await rig.PushAsync(TestJpegs.Pattern(32, 16, 1));
        rig.Time.Advance(TimeSpan.FromMilliseconds(40));
        var barrier = rig.Time.GetTimestamp();

        var waiting = rig.Video.WaitForFrameAsync(barrier).AsTask();
        var pendingWhileOnlyOldFrames = !waiting.IsCompleted;
        rig.Time.Advance(TimeSpan.FromMilliseconds(33));
        rig.Source.Push(TestJpegs.Pattern(32, 16, 2));
        using var fresh = await waiting;

        Assert.Multiple(() =>
        {
            Assert.That(pendingWhileOnlyOldFrames, Is.True);
            Assert.That(fresh.Timestamp, Is.GreaterThan(barrier));
            Assert.That(fresh.Sequence, Is.EqualTo(2));
            Assert.That(old, Is.LessThan(barrier));
        });
    }

    [Test]
    public async Task A_cancelled_waiter_is_cancelled()
    {
        await using var rig = new LiveVideoHarness();
        using var cancel = new CancellationTokenSource();
        var waiting = rig.Video.WaitForFrameAsync(rig.Time.GetTimestamp(), cancel.Token).AsTask();

        await cancel.CancelAsync();

        Assert.That(async () => await waiting, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task Frames_go_into_the_ring_as_jpeg()
    {
        await using var rig = new LiveVideoHarness();
        for (var i = 0; i < 3; i++)
        {
            await rig.PushAsync(TestJpegs.Pattern(32, 16, i));
            rig.Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var held = rig.Video.Ring.Snapshot(null);

        Assert.Multiple(() =>
        {
            Assert.That(rig.Video.Ring.Count, Is.EqualTo(3));
            Assert.That(held.All(f => JpegInfo.IsJpeg(f.Jpeg.Span)), Is.True, "non-JPEG sources are encoded for the ring");
        });
    }

    [Test]
    public async Task Disposing_the_live_video_disposes_its_source()
    {
        var rig = new LiveVideoHarness();

        await rig.DisposeAsync();

        Assert.That(rig.Source.Disposed, Is.True);
    }
}
