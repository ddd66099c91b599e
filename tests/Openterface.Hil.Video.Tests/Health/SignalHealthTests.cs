namespace Openterface.Hil.Video.Tests;

[CancelAfter(20_000)]
public class SignalHealthTests
{
    [Test]
    public async Task No_frames_for_longer_than_the_threshold_is_reported_and_fails_waiters_as_a_rig_fault()
    {
        await using var rig = new LiveVideoHarness();
        var last = await rig.PushAsync(TestJpegs.Pattern(64, 48, 1));
        var waiter = rig.Video.WaitForFrameAsync(last).AsTask();

        rig.Time.Advance(TimeSpan.FromMilliseconds(1900));
        var quietBeforeThreshold = !rig.HasEvent;
        rig.Time.Advance(TimeSpan.FromMilliseconds(300));
        var health = await rig.NextEventAsync();
        var error = Assert.ThrowsAsync<VideoException>(() => waiter);

        Assert.Multiple(() =>
        {
            Assert.That(quietBeforeThreshold, Is.True);
            Assert.That(health.Kind, Is.EqualTo(SignalHealthKind.NoFrames));
            Assert.That(health.Evidence, Is.EqualTo("no frame for 2.2 s (threshold 2.0 s); the last was #1"));
            Assert.That(rig.LastEventFrameSize, Is.EqualTo(new System.Drawing.Size(64, 48)), "the event carries the last frame");
            Assert.That(rig.Video.Health.Kind, Is.EqualTo(SignalHealthKind.NoFrames));
            Assert.That(error!.IsRigFault, Is.True);
            Assert.That(error.Message, Does.StartWith("No fresh frame from 'scripted://test'. Video source is unhealthy (NoFrames): no frame for 2.2 s"));
        });
    }

    [Test]
    public async Task Frames_after_a_gap_clear_no_frames()
    {
        await using var rig = new LiveVideoHarness();
        await rig.PushAsync(TestJpegs.Pattern(64, 48, 1));
        rig.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.That((await rig.NextEventAsync()).Kind, Is.EqualTo(SignalHealthKind.NoFrames));

        await rig.PushAsync(TestJpegs.Pattern(64, 48, 2));
        var cleared = await rig.NextEventAsync();

        Assert.Multiple(() =>
        {
            Assert.That(cleared.Kind, Is.EqualTo(SignalHealthKind.Ok));
            Assert.That(cleared.Evidence, Is.EqualTo("frames again: #2 after a 3.0 s gap"));
            Assert.That(rig.Video.Health.IsOk, Is.True);
        });
    }

    [Test]
    public async Task Identical_frames_after_input_was_sent_are_reported_as_frozen()
    {
        await using var rig = new LiveVideoHarness();
        await rig.PushAsync(TestJpegs.Pattern(64, 48, 1));
        rig.Video.NoteInputSent();

        for (var i = 0; i < 7 && !rig.HasEvent; i++)
        {
            rig.Time.Advance(TimeSpan.FromMilliseconds(500));
            await rig.PushAsync(TestJpegs.Pattern(64, 48, 1));
        }

        var frozen = await rig.NextEventAsync();
        Assert.Multiple(() =>
        {
            Assert.That(frozen.Kind, Is.EqualTo(SignalHealthKind.Frozen));
            Assert.That(frozen.Evidence, Is.EqualTo("6 identical frames for 3.0 s, 3.0 s since input was sent (threshold 3.0 s); last frame #6"));
        });

        await rig.PushAsync(TestJpegs.Pattern(64, 48, 2));
        Assert.That((await rig.NextEventAsync()).Evidence, Is.EqualTo("the picture changed again (frame #8)"));
    }

    [Test]
    public async Task Identical_frames_without_input_are_a_still_screen_not_a_fault()
    {
        await using var rig = new LiveVideoHarness();
        for (var i = 0; i < 10; i++)
        {
            await rig.PushAsync(TestJpegs.Pattern(64, 48, 1));
            rig.Time.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.Multiple(() =>
        {
            Assert.That(rig.HasEvent, Is.False);
            Assert.That(rig.Video.Health.IsOk, Is.True);
        });
    }

    [Test]
    public async Task A_change_after_input_is_not_frozen()
    {
        await using var rig = new LiveVideoHarness();
        await rig.PushAsync(TestJpegs.Pattern(64, 48, 1));
        rig.Video.NoteInputSent();
        rig.Time.Advance(TimeSpan.FromMilliseconds(100));
        await rig.PushAsync(TestJpegs.Pattern(64, 48, 2));
        for (var i = 0; i < 8; i++)
        {
            rig.Time.Advance(TimeSpan.FromMilliseconds(500));
            await rig.PushAsync(TestJpegs.Pattern(64, 48, 2));
        }

        Assert.That(rig.HasEvent, Is.False);
    }

    [Test]
    public async Task A_near_uniform_picture_for_longer_than_the_threshold_is_no_signal()
    {
        await using var rig = new LiveVideoHarness();
        for (var i = 0; i < 8 && !rig.HasEvent; i++)
        {
            await rig.PushAsync(TestJpegs.Black(64, 48, level: 16));
            rig.Time.Advance(TimeSpan.FromMilliseconds(500));
        }

        var noSignal = await rig.NextEventAsync();
        Assert.Multiple(() =>
        {
            Assert.That(noSignal.Kind, Is.EqualTo(SignalHealthKind.NoSignal));
            Assert.That(noSignal.Evidence, Does.StartWith("near-uniform picture for 3.0 s (mean brightness 16.0, spread 0.0 <= 4.0; 64x48"));
            Assert.That(rig.Video.Health.Kind, Is.EqualTo(SignalHealthKind.NoSignal));
        });

        await rig.PushAsync(TestJpegs.Pattern(64, 48, 3));
        Assert.That((await rig.NextEventAsync()).Kind, Is.EqualTo(SignalHealthKind.Ok));
    }

    [Test]
    public async Task No_signal_fails_waiters_only_after_the_longer_fault_threshold()
    {
        var thresholds = new SignalHealthOptions { NoSignalAfter = TimeSpan.FromSeconds(1), NoSignalFaultAfter = TimeSpan.FromSeconds(4) };
        await using var rig = new LiveVideoHarness(thresholds);
        var last = await rig.PushAsync(TestJpegs.Black(64, 48));
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        last = await rig.PushAsync(TestJpegs.Black(64, 48));
        Assert.That((await rig.NextEventAsync()).Kind, Is.EqualTo(SignalHealthKind.NoSignal));
        using (var stillServed = await rig.Video.WaitForFrameAsync(last - 1))
        {
            Assert.That(stillServed.Timestamp, Is.EqualTo(last), "a black screen is still a frame while the target may be switching modes");
        }

        rig.Time.Advance(TimeSpan.FromMilliseconds(1500));
        last = await rig.PushAsync(TestJpegs.Black(64, 48));
        rig.Time.Advance(TimeSpan.FromMilliseconds(1500));

        var error = Assert.ThrowsAsync<VideoException>(async () => await rig.Video.WaitForFrameAsync(last));
        Assert.Multiple(() =>
        {
            Assert.That(error!.IsRigFault, Is.True);
            Assert.That(error.Message, Does.Contain("Video shows no signal for more than 4.0 s"));
        });
    }

    [Test]
    public async Task A_change_of_frame_size_is_reported_with_both_sizes()
    {
        await using var rig = new LiveVideoHarness();
        await rig.PushAsync(TestJpegs.Pattern(64, 48, 1));
        await rig.PushAsync(TestJpegs.Pattern(32, 24, 1));

        var changed = await rig.NextEventAsync();

        Assert.Multiple(() =>
        {
            Assert.That(changed.Kind, Is.EqualTo(SignalHealthKind.ResolutionChanged));
            Assert.That(changed.Evidence, Is.EqualTo("frame #2 is 32x24, the previous one #1 was 64x48"));
            Assert.That(rig.Video.Health.IsOk, Is.True, "a mode change is an event, not a lasting fault");
        });
    }

    [Test]
    public async Task A_source_that_fails_is_lost_then_restored_when_frames_return()
    {
        await using var rig = new LiveVideoHarness();
        await rig.PushAsync(TestJpegs.Pattern(64, 48, 1));

        rig.Source.Fail(new VideoException("Video device '/dev/video0' stopped delivering frames (unplugged or reset).", isRigFault: true));
        var lost = await rig.NextEventAsync();
        var waiterError = Assert.ThrowsAsync<VideoException>(async () => await rig.Video.WaitForFrameAsync(rig.Time.GetTimestamp()));
        rig.Source.Push(TestJpegs.Pattern(64, 48, 2));
        var restored = await rig.AdvanceUntilEventAsync(TimeSpan.FromMilliseconds(50));

        Assert.Multiple(() =>
        {
            Assert.That(lost.Kind, Is.EqualTo(SignalHealthKind.SourceLost));
            Assert.That(lost.Evidence, Is.EqualTo("Video device '/dev/video0' stopped delivering frames (unplugged or reset)."));
            Assert.That(waiterError!.IsRigFault, Is.True);
            Assert.That(restored.Kind, Is.EqualTo(SignalHealthKind.SourceRestored));
            Assert.That(restored.Evidence, Does.StartWith("frame #2 arrived"));
            Assert.That(rig.Video.Health.IsOk, Is.True);
        });
    }
}
