using System.Drawing;

namespace Openterface.Hil.Video.Tests;

/// <summary>
/// Issue 14, finding 4 and 8: a hostile streamer must not kill the live video or exhaust memory. Each case fails
/// the frame waiters as a rig fault naming the problem, and good frames that follow are picked up again.
/// </summary>
[CancelAfter(60_000)]
public class HostileStreamTests
{
    private static readonly byte[] Good = TestJpegs.PatternJpeg(64, 48, 3);

    private static readonly FrameSourceOptions Quick = new()
    {
        // Long enough for a connect on a loaded CI machine, short enough to keep the suite quick.
        StallTimeout = TimeSpan.FromSeconds(3),
        ReconnectTimeout = TimeSpan.FromSeconds(1),
    };

    [TestCase(HostileMode.Header65535, "'65535x65535', beyond the 8192x8192 limit", true)]
    [TestCase(HostileMode.Header40000x17000, "'40000x17000', beyond the 8192x8192 limit", true)]
    [TestCase(HostileMode.NoEndBoundary, "before the part's end boundary", false)]
    [TestCase(HostileMode.Garbage64MiB, "is malformed: no boundary", false)]
    [TestCase(HostileMode.StallAfterHeaders, "stalled: no data for 3 s (while reading a frame)", false)]
    public async Task A_live_video_reports_the_hostile_stream_as_a_rig_fault_and_recovers_when_good_frames_follow(
        HostileMode mode, string problem, bool countsBadFrames, CancellationToken ct)
    {
        await using var server = new HostileMjpegServer(Good, mode);
        var source = await FrameSources.OpenAsync(server.Uri.ToString(), Quick, ct);
        await using var video = LiveVideo.Start(source);

        var error = Assert.ThrowsAsync<VideoException>(async () => await video.WaitForFrameAsync(long.MinValue, ct));
        Assert.Multiple(() =>
        {
            Assert.That(error!.IsRigFault, Is.True);
            Assert.That(error.Message, Does.Contain(problem));
        });

        server.Mode = HostileMode.Good;
        using var frame = await FirstFrameAsync(video, ct);

        Assert.Multiple(() =>
        {
            Assert.That(frame.Size, Is.EqualTo(new Size(64, 48)), "good frames after the hostile ones are used");
            Assert.That(video.BadFrames, countsBadFrames ? Is.GreaterThan(0) : Is.EqualTo(0));
        });
    }

    [Test]
    public async Task One_bad_frame_between_good_ones_is_counted_and_skipped_without_failing_waiters(CancellationToken ct)
    {
        await using var rig = new LiveVideoHarness();
        await rig.PushAsync(TestJpegs.Pattern(32, 24, 1));
        rig.Time.Advance(TimeSpan.FromMilliseconds(40));
        var barrier = rig.Time.GetTimestamp();

        rig.Source.Fail(new BadFrameException("frame #2 is corrupt"));
        var waiting = rig.Video.WaitForFrameAsync(barrier, ct).AsTask();
        rig.Time.Advance(TimeSpan.FromMilliseconds(33));
        rig.Source.Push(TestJpegs.Pattern(32, 24, 2));
        using var next = await waiting;

        Assert.Multiple(() =>
        {
            Assert.That(next.Sequence, Is.EqualTo(2));
            Assert.That(rig.Video.BadFrames, Is.EqualTo(1));
            Assert.That(rig.Video.Health.Kind, Is.EqualTo(SignalHealthKind.Ok));
        });
    }

    [Test]
    public async Task Only_bad_frames_for_the_no_frames_threshold_is_a_rig_fault_naming_the_last_reason(CancellationToken ct)
    {
        await using var rig = new LiveVideoHarness();
        await rig.PushAsync(TestJpegs.Pattern(32, 24, 1));
        rig.Time.Advance(TimeSpan.FromMilliseconds(40));
        var barrier = rig.Time.GetTimestamp();
        var waiting = rig.Video.WaitForFrameAsync(barrier, ct).AsTask();

        for (var i = 0; i < 30; i++)
        {
            rig.Source.Fail(new BadFrameException($"JPEG #{i} is corrupt"));
            while (rig.Video.BadFrames <= i)
            {
                await Task.Yield();
            }

            rig.Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var error = Assert.ThrowsAsync<VideoException>(() => waiting);
        Assert.Multiple(() =>
        {
            Assert.That(error!.IsRigFault, Is.True);
            Assert.That(error.Message, Does.Contain("unusable frame(s) and no good one").And.Contain("the last: JPEG #"));
        });
    }

    private static async Task<Imaging.Frame> FirstFrameAsync(LiveVideo video, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return await video.WaitForFrameAsync(long.MinValue, ct);
            }
            catch (VideoException)
            {
                // Still unhealthy from the hostile stream: the pump reconnects with backoff.
                await Task.Delay(50, ct);
            }
        }
    }
}
