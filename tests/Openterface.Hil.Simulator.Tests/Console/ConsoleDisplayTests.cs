using System.Drawing;
using System.Security.Cryptography;
using Openterface.Hil.Imaging;
using Openterface.Hil.Imaging.Fonts;
using Openterface.Hil.Video;

namespace Openterface.Hil.Simulator.Tests.VirtualConsole;

public sealed class ConsoleDisplayTests
{
    [Test]
    public async Task Frames_are_720x400_stamped_with_sequence_clock_time_and_source()
    {
        await using var rig = new ConsoleRig();

        using var first = await rig.Target.Display.ReadFrameAsync();
        rig.Advance(TimeSpan.FromMilliseconds(40));
        using var second = await rig.Target.Display.ReadFrameAsync();

        Assert.Multiple(() =>
        {
            Assert.That((first.Width, first.Height, first.Format), Is.EqualTo((720, 400, PixelFormat.Bgr24)));
            Assert.That((first.Sequence, second.Sequence), Is.EqualTo((1L, 2L)));
            Assert.That(second.Timestamp, Is.EqualTo(rig.Time.GetTimestamp()));
            Assert.That(second.CapturedAt, Is.EqualTo(rig.Time.GetUtcNow()));
            Assert.That(first.Source, Is.EqualTo("sim:console"));
            Assert.That(rig.Target.Display.Uri, Is.EqualTo("sim:console"));
        });
    }

    [Test]
    public async Task Frames_are_paced_at_the_configured_rate_by_the_time_provider()
    {
        await using var rig = new ConsoleRig(new ConsoleTargetOptions { FramesPerSecond = 10 });
        using var first = await rig.Target.Display.ReadFrameAsync();

        var next = rig.Target.Display.ReadFrameAsync().AsTask();
        rig.Advance(TimeSpan.FromMilliseconds(99));
        var earlyDone = next.IsCompleted;
        rig.Advance(TimeSpan.FromMilliseconds(1));
        using var second = await next.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.That(earlyDone, Is.False, "the second frame waits for its slot");
            Assert.That(rig.Time.GetElapsedTime(first.Timestamp, second.Timestamp), Is.EqualTo(TimeSpan.FromMilliseconds(100)));
        });
    }

    [Test]
    public async Task A_reader_that_fell_behind_gets_one_frame_at_once_then_the_normal_pace()
    {
        await using var rig = new ConsoleRig(new ConsoleTargetOptions { FramesPerSecond = 10 });
        using var first = await rig.Target.Display.ReadFrameAsync();
        rig.Advance(TimeSpan.FromSeconds(1));

        using var late = await rig.Target.Display.ReadFrameAsync();
        var next = rig.Target.Display.ReadFrameAsync().AsTask();
        var burst = next.IsCompleted;
        rig.Advance(TimeSpan.FromMilliseconds(100));
        using var paced = await next.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.That(burst, Is.False, "no burst of frames to catch up");
            Assert.That(late.Sequence, Is.EqualTo(2));
            Assert.That(paced.Sequence, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task A_still_screen_is_rendered_once_and_copied_for_every_frame()
    {
        await using var rig = new ConsoleRig(new ConsoleTargetOptions { BlinkingCursor = false });
        rig.BootToShell();
        var display = (ConsoleDisplay)rig.Target.Display;

        using var a = await display.ReadFrameAsync();
        rig.Advance(TimeSpan.FromSeconds(1));
        using var b = await display.ReadFrameAsync();
        var stillRenders = display.RenderCount;
        rig.Type("x");
        rig.Advance(TimeSpan.FromSeconds(1));
        using var c = await display.ReadFrameAsync();

        Assert.Multiple(() =>
        {
            Assert.That(stillRenders, Is.EqualTo(1));
            Assert.That(display.RenderCount, Is.EqualTo(2));
            Assert.That(b, Is.Not.SameAs(a), "each frame is its own object with its own stamp");
            Assert.That(Hash(a), Is.EqualTo(Hash(b)));
            Assert.That(Hash(c), Is.Not.EqualTo(Hash(b)));
        });
    }

    [Test]
    public async Task Cell_by_cell_updates_give_the_same_pixels_as_a_full_render()
    {
        await using var rig = new ConsoleRig(new ConsoleTargetOptions { BlinkingCursor = true });
        rig.BootToShell();
        using var before = await rig.Target.Display.ReadFrameAsync();
        rig.Type("uname");
        rig.Advance(TimeSpan.FromMilliseconds(500));

        using var updated = await rig.Target.Display.ReadFrameAsync();
        using var full = new TextGridRenderer(PsfFont.Load("Lat15-VGA16")).Render(rig.Target.CaptureGrid());

        Assert.Multiple(() =>
        {
            Assert.That(((ConsoleDisplay)rig.Target.Display).RenderCount, Is.EqualTo(2));
            Assert.That(Hash(updated), Is.Not.EqualTo(Hash(before)));
            Assert.That(Hash(updated), Is.EqualTo(Hash(full)));
        });
    }

    [Test]
    public async Task The_same_keys_at_the_same_times_give_byte_identical_frames()
    {
        var first = await RunScript();
        var second = await RunScript();

        Assert.That(second, Is.EqualTo(first));
        Assert.That(first.Distinct().Count(), Is.GreaterThan(5), "the script visits different screens");
    }

    [Test]
    public async Task Blinking_cursor_toggles_every_interval_and_can_be_switched_off()
    {
        await using var blinking = new ConsoleRig(new ConsoleTargetOptions { BlinkingCursor = true });
        await using var steady = new ConsoleRig(new ConsoleTargetOptions { BlinkingCursor = false });
        blinking.BootToShell();
        steady.BootToShell();

        var on = blinking.Text;
        blinking.Advance(TimeSpan.FromMilliseconds(500));
        var off = blinking.Text;
        blinking.Advance(TimeSpan.FromMilliseconds(500));
        steady.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Multiple(() =>
        {
            Assert.That(on, Does.EndWith("~# _"));
            Assert.That(off, Does.EndWith("~#"));
            Assert.That(blinking.Text, Is.EqualTo(on));
            Assert.That(steady.Text, Does.EndWith("~# _"));
        });
    }

    [Test]
    public async Task Output_can_be_scaled_like_a_capture_card()
    {
        await using var rig = new ConsoleRig(new ConsoleTargetOptions { OutputSize = new Size(1920, 1080) });

        using var frame = await rig.Target.Display.ReadFrameAsync();

        Assert.That((frame.Width, frame.Height), Is.EqualTo((1920, 1080)));
    }

    [Test]
    public async Task A_disposed_target_display_reports_a_rig_fault()
    {
        var rig = new ConsoleRig();
        await rig.DisposeAsync();

        var error = Assert.ThrowsAsync<VideoException>(async () => await rig.Target.Display.ReadFrameAsync());

        Assert.That(error!.IsRigFault && error.Message.Contains("'sim:console'", StringComparison.Ordinal), Is.True, error.Message);
    }

    [Test]
    public void Bad_options_are_rejected_with_the_remedy()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new ConsoleTarget(new ConsoleTargetOptions { FramesPerSecond = 0 }));

        Assert.That(error!.Message, Does.Contain("e.g. 30"));
    }

    private static async Task<List<string>> RunScript()
    {
        await using var rig = new ConsoleRig();
        var hashes = new List<string>();
        async Task Snap()
        {
            rig.Advance(TimeSpan.FromMilliseconds(250));
            using var frame = await rig.Target.Display.ReadFrameAsync();
            hashes.Add(Hash(frame));
        }

        await Snap();
        rig.Press(Keys.F2);
        await Snap();
        rig.Press(Keys.Right, Keys.Down, Keys.Enter);
        await Snap();
        rig.Press(Keys.F10);
        await Snap();
        rig.Press(Keys.Enter);
        await Snap();
        rig.FinishPost();
        await Snap();
        rig.TypeLine("root");
        rig.TypeLine("hil");
        await Snap();
        rig.TypeLine("uname -a");
        await Snap();
        await Snap();
        return hashes;
    }

    private static string Hash(Frame frame) => Convert.ToHexString(SHA256.HashData(frame.Pixels));
}
