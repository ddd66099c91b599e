using Microsoft.Extensions.Logging.Abstractions;

namespace Openterface.Hil.Video.Tests;

[CancelAfter(60_000)]
public class RecordingTests
{
    [TestCase("window.mp4", "h264")]
    [TestCase("window.webm", "vp8")]
    public async Task A_ring_window_exports_to_a_browser_codec_at_real_speed(string name, string codec)
    {
        using var folder = new TempDirectory();
        var time = new ManualTimeProvider(LiveVideoHarness.Epoch, TimeSpan.FromSeconds(100));
        var ring = FilledRing(time, frames: 20, period: TimeSpan.FromMilliseconds(100));

        await ring.ExportAsync(folder.File(name), TimeSpan.FromSeconds(1));
        var video = Ffprobe.Probe(folder.File(name));

        Assert.Multiple(() =>
        {
            Assert.That(video.Codec, Is.EqualTo(codec));
            Assert.That(video.PixelFormat, Is.EqualTo("yuv420p"));
            Assert.That((video.Width, video.Height), Is.EqualTo((160, 120)));
            Assert.That(video.Duration, Is.EqualTo(1.0 + (1 / 30.0)).Within(0.07), "1 s window of frames 100 ms apart, plus the last frame");
        });
    }

    [Test]
    public async Task Frames_the_skip_predicate_names_are_left_out_of_the_export()
    {
        using var folder = new TempDirectory();
        var time = new ManualTimeProvider(LiveVideoHarness.Epoch, TimeSpan.FromSeconds(100));
        var ring = FilledRing(time, frames: 20, period: TimeSpan.FromMilliseconds(100));
        var secretFrom = time.GetTimestamp() - TimeSpan.FromMilliseconds(500).Ticks;

        // The last 5 frames "may show a secret": the export ends on the frame before them.
        await ring.ExportAsync(folder.File("cut.mp4"), TimeSpan.FromSeconds(1), timestamp => timestamp >= secretFrom);
        var video = Ffprobe.Probe(folder.File("cut.mp4"));
        var error = Assert.ThrowsAsync<VideoException>(() => ring.ExportAsync(folder.File("none.mp4"), TimeSpan.FromSeconds(1), _ => true));

        Assert.Multiple(() =>
        {
            Assert.That(video.Duration, Is.EqualTo(0.5 + (1 / 30.0)).Within(0.07), "frames 11-15 of the 1 s window");
            Assert.That(error!.Message, Does.Contain("every frame in the window was left out"));
            Assert.That(File.Exists(folder.File("none.mp4")), Is.False);
        });
    }

    [Test]
    public async Task A_recorder_writes_what_the_live_video_saw_between_start_and_stop()
    {
        using var folder = new TempDirectory();
        await using var rig = new LiveVideoHarness();
        var recorder = VideoRecorder.Start(rig.Video, folder.File("test.mp4"));
        for (var i = 0; i < 4; i++)
        {
            await rig.PushAsync(TestJpegs.Pattern(160, 120, i));
            rig.Time.Advance(TimeSpan.FromMilliseconds(500));
        }

        await recorder.StopAsync();
        var video = Ffprobe.Probe(folder.File("test.mp4"));

        Assert.Multiple(() =>
        {
            Assert.That(recorder.FramesReceived, Is.EqualTo(4));
            Assert.That(video.Codec, Is.EqualTo("h264"));
            Assert.That(video.Duration, Is.EqualTo(2.0).Within(0.07), "4 frames 0.5 s apart, stopped 0.5 s after the last");
            Assert.That(video.Frames, Is.EqualTo(60).Within(2), "30 fps output");
        });
    }

    [Test]
    public async Task A_recorder_that_saw_no_frames_says_so()
    {
        using var folder = new TempDirectory();
        await using var rig = new LiveVideoHarness();
        var recorder = VideoRecorder.Start(rig.Video, folder.File("empty.mp4"));

        var error = Assert.ThrowsAsync<VideoException>(() => recorder.StopAsync());

        Assert.That(error!.Message, Does.StartWith($"Recording '{folder.File("empty.mp4")}' got no frames in 0.0 s."));
    }

    [Test]
    public void An_unknown_video_extension_is_refused()
    {
        var ring = FilledRing(new ManualTimeProvider(LiveVideoHarness.Epoch, TimeSpan.FromSeconds(100)), frames: 2, period: TimeSpan.FromMilliseconds(100));

        var error = Assert.ThrowsAsync<ArgumentException>(() => ring.ExportAsync("/tmp/clip.avi"));

        Assert.That(error!.Message, Does.StartWith("Cannot record '/tmp/clip.avi': use a .mp4 (H.264) or .webm (VP8) file name."));
    }

    internal static FrameRing FilledRing(ManualTimeProvider time, int frames, TimeSpan period)
    {
        var ring = new FrameRing(TimeSpan.FromSeconds(20), long.MaxValue, time, NullLogger.Instance);
        for (var i = 0; i < frames; i++)
        {
            ring.Add(TestJpegs.PatternJpeg(160, 120, i), time.GetTimestamp(), i + 1);
            time.Advance(period);
        }

        return ring;
    }
}
