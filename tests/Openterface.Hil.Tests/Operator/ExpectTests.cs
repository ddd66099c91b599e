using System.Text.RegularExpressions;
using Openterface.Hil.Tests.Fakes;

namespace Openterface.Hil.Tests.Operator;

public sealed class ExpectTests
{
    private static readonly ExpectOptions OneSecond = new() { Timeout = TimeSpan.FromSeconds(1) };

    [Test]
    public async Task To_be_visible_passes_when_the_needle_appears_after_the_input()
    {
        await using var rig = new FakeRig().Needle("grub-menu", 12, 40);
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("bios"));
        rig.Video.Emit();
        var grub = new Scene("grub").WithNeedle("grub-menu", 12, 40, 0.97);
        rig.Input.React("enter", TimeSpan.FromMilliseconds(450), grub);

        await hil.Keyboard.PressAsync("enter");
        await hil.Expect(hil.Screen.Needle("grub-menu")).ToBeVisibleAsync();

        Assert.That(rig.Clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(1.5)), "passes on the first frame after the menu appears");
    }

    [Test]
    public async Task To_be_visible_failure_reads_like_playwright_verbatim()
    {
        await using var rig = new FakeRig().Needle("grub-menu", 12, 40);
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("before"));
        rig.Video.Emit();
        rig.Input.React("enter", TimeSpan.FromMilliseconds(50), new Scene("close").WithNeedle("grub-menu", 12, 40, 0.81));

        await hil.Keyboard.PressAsync("enter");
        rig.Video.ShowAfter(TimeSpan.FromMilliseconds(250), new Scene("closer").WithNeedle("grub-menu", 12, 40, 0.79));
        var failure = Assert.ThrowsAsync<ExpectationFailedException>(() =>
            hil.Expect(hil.Screen.Needle("grub-menu")).ToBeVisibleAsync(OneSecond));

        Assert.That(failure!.Message, Is.EqualTo(
            """
            Expect(Needle('grub-menu')).ToBeVisibleAsync() failed
            Expected: needle 'grub-menu' visible (threshold 0.95)
            Seen: best score 0.81 at 12,40 (frame #2, 1024x768)
            Timeout: 1s
            Call log:
              - waiting for frames after barrier #1 (Press 'enter')
              - frame #2: best 0.81 at 12,40 (near recorded position)
              - frame #3: best 0.81 at 12,40 (whole frame)
              - frame #4: best 0.79 at 12,40 (near recorded position)
              - frame #5: best 0.79 at 12,40 (whole frame)
            """));
        Assert.Multiple(() =>
        {
            Assert.That(failure.Timeout, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(failure.LastFrame!.Sequence, Is.EqualTo(10));
            Assert.That(failure.CallLog, Has.Count.EqualTo(5));
            Assert.That(failure.Attachments.Select(a => a.Name), Is.EqualTo(new[] { "last frame", "match overlay", "needle", "diff", "call log" }));
            Assert.That(failure.Attachments[0].Content.Span[..4].ToArray(), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
        });
    }

    [Test]
    public async Task Unchanged_frames_are_evaluated_once_and_the_whole_frame_every_fifth_evaluation()
    {
        await using var rig = new FakeRig().Needle("menu", 100, 100);
        await using var hil = rig.Session();
        var scenes = Enumerable.Range(0, 6).Select(i => new Scene($"s{i}").WithNeedle("menu", 100, 100, 0.5)).ToArray();
        rig.Video.Show(scenes[0]);
        for (var i = 1; i < scenes.Length; i++)
        {
            rig.Video.ShowAfter(TimeSpan.FromMilliseconds((i * 200) + 50), scenes[i]);
        }

        Assert.ThrowsAsync<ExpectationFailedException>(() =>
            hil.Expect(hil.Screen.Needle("menu")).ToBeVisibleAsync(new ExpectOptions { Timeout = TimeSpan.FromMilliseconds(1150) }));

        // Frames #1..#11 arrive; each scene is shown on two frames. Near first; an unchanged frame after a near miss
        // escalates to the whole frame once (then it is not searched again: #6 is skipped); every 5th evaluation
        // (#5, #11) is whole anyway.
        var searches = rig.Vision.Matches.Select(m => $"{m.Sequence}{(m.Search == SearchScope.WholeFrame ? "W" : "N")}");
        Assert.That(searches, Is.EqualTo(new[] { "1N", "2W", "3N", "4W", "5W", "7N", "8W", "9N", "10W", "11W" }));
    }

    [Test]
    public async Task Consecutive_matches_need_that_many_frames_in_a_row()
    {
        await using var rig = new FakeRig().Needle("menu", 100, 100);
        await using var hil = rig.Session();
        var hit = new Scene("hit").WithNeedle("menu", 100, 100, 0.99);
        var miss = new Scene("miss");
        rig.Video.Show(hit);
        rig.Video.ShowAfter(TimeSpan.FromMilliseconds(150), miss);
        rig.Video.ShowAfter(TimeSpan.FromMilliseconds(250), new Scene("hit again").WithNeedle("menu", 100, 100, 0.99));

        await hil.Expect(hil.Screen.Needle("menu")).ToBeVisibleAsync(new ExpectOptions { Consecutive = 3 });

        // Frames every 100 ms from t = 1.1s: #1 hit, #2 miss, #3 #4 #5 hit: passes on #5 (t = 1.5s).
        Assert.That(rig.Clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(1.5)));
        Assert.That(rig.Steps.Finished.Last().FrameSequence, Is.EqualTo(5));
    }

    [Test]
    public async Task A_needle_asking_for_three_consecutive_matches_is_not_accepted_on_two()
    {
        await using var rig = new FakeRig().Needle("menu", 100, 100, consecutive: 3);
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("hit").WithNeedle("menu", 100, 100, 0.99));
        rig.Video.ShowAfter(TimeSpan.FromMilliseconds(250), new Scene("miss"));

        // Frames every 100 ms from t = 1.1s: #1 and #2 hit, then misses until the deadline.
        var failure = Assert.ThrowsAsync<ExpectationFailedException>(() =>
            hil.Expect(hil.Screen.Needle("menu")).ToBeVisibleAsync(OneSecond));

        Assert.Multiple(() =>
        {
            Assert.That(failure!.CallLog, Has.Some.EqualTo("match 2 of 3"));
            Assert.That(failure.CallLog, Has.None.EqualTo("match 3 of 3"));
        });
    }

    [Test]
    public async Task A_needle_asking_for_three_consecutive_matches_is_accepted_on_the_third()
    {
        await using var rig = new FakeRig().Needle("menu", 100, 100, consecutive: 3);
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("hit").WithNeedle("menu", 100, 100, 0.99));

        await hil.Expect(hil.Screen.Needle("menu")).ToBeVisibleAsync(OneSecond);

        Assert.That(rig.Steps.Finished.Last().FrameSequence, Is.EqualTo(3));
    }

    [Test]
    public async Task A_per_call_consecutive_wins_over_the_needle_json()
    {
        await using var rig = new FakeRig().Needle("menu", 100, 100, consecutive: 3);
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("hit").WithNeedle("menu", 100, 100, 0.99));

        await hil.Expect(hil.Screen.Needle("menu")).ToBeVisibleAsync(new ExpectOptions { Consecutive = 1 });

        Assert.That(rig.Steps.Finished.Last().FrameSequence, Is.EqualTo(1));
    }

    [Test]
    public async Task Each_match_gets_the_elapsed_share_of_the_timeout()
    {
        await using var rig = new FakeRig().Needle("menu", 100, 100);
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("empty"));
        rig.Video.ShowAfter(TimeSpan.FromMilliseconds(550), new Scene("hit").WithNeedle("menu", 100, 100, 0.99));

        await hil.Expect(hil.Screen.Needle("menu")).ToBeVisibleAsync(OneSecond);

        Assert.Multiple(() =>
        {
            Assert.That(rig.Vision.Shares, Is.Ordered);
            Assert.That(rig.Vision.Shares[0], Is.LessThan(rig.Vision.Shares[^1]));
            Assert.That(rig.Vision.Shares, Is.All.InRange(0.0, 1.0));
        });
    }

    [Test]
    public async Task A_needle_name_typo_fails_before_a_step_opens_and_suggests_the_name()
    {
        await using var rig = new FakeRig().Needle("grub-menu", 100, 100);
        await using var hil = rig.Session();

        var error = Assert.Throws<ArgumentException>(() => hil.Screen.Needle("grub-mnu"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("'grub-menu'"));
            Assert.That(rig.Steps.Started, Is.Empty);
        });
    }

    [Test]
    public async Task Per_call_threshold_overrides_the_needle_threshold()
    {
        await using var rig = new FakeRig().Needle("menu", 100, 100);
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("close").WithNeedle("menu", 100, 100, 0.90));

        await hil.Expect(hil.Screen.Needle("menu")).ToBeVisibleAsync(new ExpectOptions { Threshold = 0.85 });
        var failure = Assert.ThrowsAsync<ExpectationFailedException>(() =>
            hil.Expect(hil.Screen.Needle("menu")).ToBeVisibleAsync(OneSecond));

        Assert.That(failure!.Message, Does.Contain("Expected: needle 'menu' visible (threshold 0.95)"));
    }

    [Test]
    public async Task Near_only_scope_never_searches_the_whole_frame_and_misses_a_moved_needle()
    {
        await using var rig = new FakeRig().Needle("menu", 100, 100);
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("moved").WithNeedle("menu", 600, 500, 0.99));

        Assert.ThrowsAsync<ExpectationFailedException>(() => hil.Expect(hil.Screen.Needle("menu"))
            .ToBeVisibleAsync(new ExpectOptions { Scope = SearchScope.NearRecordedPosition, Timeout = TimeSpan.FromSeconds(1) }));
        Assert.That(rig.Vision.Matches.Select(m => m.Search), Is.All.EqualTo(SearchScope.NearRecordedPosition));

        await hil.Expect(hil.Screen.Needle("menu")).ToBeVisibleAsync();
    }

    [Test]
    public async Task Not_to_be_visible_waits_for_the_needle_to_go_and_searches_the_whole_frame()
    {
        await using var rig = new FakeRig().Needle("dialog", 100, 100);
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("dialog").WithNeedle("dialog", 300, 300, 0.99));
        rig.Video.Emit();
        rig.Input.React("escape", TimeSpan.FromMilliseconds(350), new Scene("closed"));

        await hil.Keyboard.PressAsync("escape");
        await hil.Expect(hil.Screen.Needle("dialog")).Not.ToBeVisibleAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rig.Clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(1.4)));
            Assert.That(rig.Vision.Matches.Select(m => m.Search), Is.All.EqualTo(SearchScope.WholeFrame));
        });
    }

    [Test]
    public async Task Not_to_be_visible_failure_says_where_the_needle_still_is()
    {
        await using var rig = new FakeRig().Needle("dialog", 100, 100);
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("dialog").WithNeedle("dialog", 300, 300, 0.99));

        var failure = Assert.ThrowsAsync<ExpectationFailedException>(() =>
            hil.Expect(hil.Screen.Needle("dialog")).Not.ToBeVisibleAsync(OneSecond));

        Assert.That(failure!.Message, Is.EqualTo(
            """
            Expect(Needle('dialog')).Not.ToBeVisibleAsync() failed
            Expected: needle 'dialog' not visible (threshold 0.95)
            Seen: needle 'dialog' visible: best 0.99 at 300,300 (frame #1, 1024x768)
            Timeout: 1s
            Call log:
              - waiting for frames (no input sent yet)
              - frame #1: best 0.99 at 300,300
            """));
    }

    [Test]
    public async Task Text_locator_is_found_by_phrase_case_and_whitespace_insensitive()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("login").WithText("Debian GNU/Linux 13 rig tty1").WithText("rig  Login:", 10, 40));

        var match = await hil.Screen.Text("rig login:").WaitForAsync();

        Assert.Multiple(() =>
        {
            Assert.That(match.Text, Is.EqualTo("rig Login:"));
            Assert.That(match.Bounds, Is.EqualTo(new System.Drawing.Rectangle(10, 40, 27 + 9 + 54, 16)));
        });
    }

    [Test]
    public async Task Text_failure_quotes_what_was_read_verbatim()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("boot").WithText("Booting the kernel."));

        var failure = Assert.ThrowsAsync<ExpectationFailedException>(() =>
            hil.Expect(hil.Screen.Text("login:")).ToBeVisibleAsync(OneSecond));

        Assert.That(failure!.Message, Is.EqualTo(
            """
            Expect(Text('login:')).ToBeVisibleAsync() failed
            Expected: text 'login:' visible
            Seen: 'Booting the kernel.' (frame #1, 1024x768)
            Timeout: 1s
            Call log:
              - waiting for frames (no input sent yet)
              - frame #1: read 'Booting the kernel.'
            """));
        Assert.That(rig.Vision.Reads, Is.EqualTo(1), "unchanged frames are not read again");
    }

    [Test]
    public async Task Regex_text_locator_matches_a_pattern()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("ip").WithText("inet 192.168.7.42/24"));

        var match = await hil.Screen.Text(new Regex(@"\d+\.\d+\.\d+\.\d+")).WaitForAsync();

        Assert.That(match.Text, Is.EqualTo("192.168.7.42"));
    }

    [Test]
    public async Task To_have_text_compares_the_region_text_and_explains_a_mismatch()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("status").WithText("State: degraded", 10, 100).WithText("elsewhere", 500, 500));
        var status = hil.Screen.Region(0, 90, 300, 40);

        await hil.Expect(status).ToHaveTextAsync("State:   degraded");
        await hil.Expect(status).ToHaveTextAsync(new Regex("deg.aded$"));
        await hil.Expect(status).Not.ToHaveTextAsync("State: running");
        var failure = Assert.ThrowsAsync<ExpectationFailedException>(() => hil.Expect(status).ToHaveTextAsync("State: running", OneSecond));

        Assert.That(failure!.Message, Is.EqualTo(
            """
            Expect(Region(0,90,300,40)).ToHaveTextAsync('State: running') failed
            Expected: text 'State: running'
            Seen: 'State: degraded' (frame #1, 1024x768)
            Timeout: 1s
            Call log:
              - waiting for frames (no input sent yet)
              - frame #1: read 'State: degraded'
            """));
    }

    [Test]
    public async Task Chained_region_text_only_reads_inside_the_region()
    {
        await using var rig = new FakeRig();
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("two").WithText("OK", 10, 10).WithText("Cancel", 600, 10));

        Assert.That(await hil.Screen.Region(500, 0, 500, 50).Text("ok").IsVisibleAsync(), Is.False);
        Assert.That(await hil.Screen.Region(500, 0, 500, 50).Text("cancel").IsVisibleAsync(), Is.True);
        Assert.That(hil.Screen.Region(500, 0, 500, 50).Text("cancel").ToString(), Is.EqualTo("Region(500,0,500,50).Text('cancel')"));
    }

    [Test]
    public async Task Chained_region_needle_searches_the_crop_and_reports_frame_coordinates()
    {
        await using var rig = new FakeRig().Needle("ok-button", 0, 0);
        await using var hil = rig.Session();
        rig.Video.Show(new Scene("dialog").WithNeedle("ok-button", 700, 600, 0.99));

        var match = await hil.Screen.Region(600, 500, 300, 200).Needle("ok-button").WaitForAsync();
        var outside = await hil.Screen.Region(0, 0, 300, 200).Needle("ok-button").IsVisibleAsync();

        Assert.Multiple(() =>
        {
            Assert.That(match.Bounds, Is.EqualTo(new System.Drawing.Rectangle(700, 600, 40, 20)));
            Assert.That(match.ClickPoint, Is.EqualTo(new System.Drawing.Point(720, 610)));
            Assert.That(outside, Is.False);
        });
    }
}
