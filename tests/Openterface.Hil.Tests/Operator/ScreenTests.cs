using Openterface.Hil.Tests.Fakes;

namespace Openterface.Hil.Tests.Operator;

public sealed class ScreenTests
{
    [Test]
    public async Task To_be_still_passes_once_no_change_was_seen_for_the_still_time()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("boot 1"));
        rig.Video.ShowAfter(TimeSpan.FromMilliseconds(450), new Scene("boot 2"));

        await hil.Expect(hil.Screen).ToBeStillAsync(TimeSpan.FromSeconds(1));

        // Frames from 1.1s; the change lands on the frame at 1.5s; still from 1.5s to 2.5s.
        Assert.That(rig.Clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(2.5)));
    }

    [Test]
    public async Task To_be_still_failure_reports_the_longest_still_period_verbatim()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("s0"));
        for (var i = 1; i <= 4; i++)
        {
            rig.Video.ShowAfter(TimeSpan.FromMilliseconds((i * 300) + 50), new Scene($"s{i}"));
        }

        var failure = Assert.ThrowsAsync<ExpectationFailedException>(() =>
            hil.Expect(hil.Screen).ToBeStillAsync(TimeSpan.FromSeconds(1), new ExpectOptions { Timeout = TimeSpan.FromSeconds(1.5) }));

        Assert.That(failure!.Message, Is.EqualTo(
            """
            Expect(Screen).ToBeStillAsync(1s) failed
            Expected: screen still for 1s
            Seen: longest still period 300ms; last change 100.00% at 0,0,1024,768 (frame #14, 1024x768)
            Timeout: 1.5s
            Call log:
              - waiting for frames (no input sent yet)
              - frame #4: changed 100.00% at 0,0,1024,768
              - frame #7: changed 100.00% at 0,0,1024,768
              - frame #10: changed 100.00% at 0,0,1024,768
              - frame #13: changed 100.00% at 0,0,1024,768
            """));
    }

    [Test]
    public async Task To_be_still_rejects_a_timeout_shorter_than_the_still_time()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();

        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            hil.Expect(hil.Screen).ToBeStillAsync(TimeSpan.FromSeconds(5), new ExpectOptions { Timeout = TimeSpan.FromSeconds(2) }));
    }

    [Test]
    public async Task Wait_change_returns_the_first_change_after_the_input()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("a"));
        rig.Video.Emit();
        var b = new Scene("b").WithNeedle("x", 10, 20, 0.5, 30, 40);
        rig.Input.React("enter", TimeSpan.FromMilliseconds(250), b.Like("b"));

        await hil.Keyboard.PressAsync("enter");
        var change = await hil.Screen.WaitChangeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(change.FrameSequence, Is.EqualTo(4));
            Assert.That(change.ChangedFraction, Is.EqualTo(1.0));
            Assert.That(rig.Clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(1.3)));
        });
    }

    [Test]
    public async Task Wait_change_without_input_compares_with_the_screen_now_and_fails_clearly()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("static"));
        rig.Video.Emit();

        var failure = Assert.ThrowsAsync<ExpectationFailedException>(() =>
            hil.Screen.WaitChangeAsync(new ExpectOptions { Timeout = TimeSpan.FromMilliseconds(300) }));

        Assert.That(failure!.Message, Is.EqualTo(
            """
            Screen.WaitChangeAsync() failed
            Expected: screen change since frame #1
            Seen: no change (frame #3, 1024x768)
            Timeout: 300ms
            Call log:
              - waiting for frames (no input sent yet)
              - comparing with frame #1
            """));
    }

    [Test]
    public async Task Screenshots_are_the_first_frame_after_the_last_input()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("a"));
        rig.Video.Emit();
        await hil.Keyboard.PressAsync("enter");

        using var shot = await hil.Screen.ScreenshotAsync();
        var path = Path.Combine(Path.GetTempPath(), $"hil-shot-{Guid.NewGuid():N}.png");
        try
        {
            await hil.Screen.ScreenshotAsync(path);
            Assert.Multiple(() =>
            {
                Assert.That(shot.Sequence, Is.EqualTo(2));
                Assert.That(new FileInfo(path).Length, Is.GreaterThan(100));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task Locator_screenshot_is_cropped_to_its_bounds()
    {
        await using var rig = new FakeRig().Needle("logo", 50, 60);
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("splash").WithNeedle("logo", 50, 60, 0.99, 80, 30));

        using var logo = await hil.Screen.Needle("logo").ScreenshotAsync();

        Assert.That(logo.Size, Is.EqualTo(new System.Drawing.Size(80, 30)));
    }

    [Test]
    public async Task Read_text_reads_a_region_and_a_needle_area()
    {
        await using var rig = new FakeRig().Needle("banner", 0, 0);
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("status").WithText("Version 2.4.1", 20, 20).WithText("far away", 700, 700)
            .WithNeedle("banner", 10, 10, 0.99, 300, 40));

        var region = await hil.Screen.Region(0, 0, 400, 100).ReadTextAsync();
        var banner = await hil.Screen.Needle("banner").ReadTextAsync();
        var version = await hil.Screen.Text(new System.Text.RegularExpressions.Regex(@"\d+\.\d+\.\d+")).ReadTextAsync();

        Assert.Multiple(() =>
        {
            Assert.That(region, Is.EqualTo("Version 2.4.1"));
            Assert.That(banner, Is.EqualTo("Version 2.4.1"));
            Assert.That(version, Is.EqualTo("2.4.1"));
        });
    }

    [Test]
    public async Task Is_visible_checks_once_without_waiting_for_the_locator()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("empty"));
        rig.Video.ShowAfter(TimeSpan.FromSeconds(5), new Scene("later").WithText("login:"));

        var visible = await hil.Screen.Text("login:").IsVisibleAsync();

        Assert.Multiple(() =>
        {
            Assert.That(visible, Is.False);
            Assert.That(rig.Clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(1.1)));
        });
    }
}
