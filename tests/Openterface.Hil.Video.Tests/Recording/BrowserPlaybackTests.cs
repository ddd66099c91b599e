using System.Drawing;
using System.Globalization;
using System.Text.RegularExpressions;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video.Tests;

/// <summary>A failure-window video must play where reports are read: in a browser.</summary>
[Category("Browser")]
[CancelAfter(90_000)]
public partial class BrowserPlaybackTests
{
    private const string Page = """
        <!doctype html><html><body style="margin:0;background:#fff">
        <video id="v" src="window.mp4" muted playsinline width="160" height="120"></video>
        <pre id="result">pending</pre>
        <script>
        const v = document.getElementById('v');
        const out = document.getElementById('result');
        v.addEventListener('loadedmetadata', () => { v.currentTime = 1.05; });
        v.addEventListener('seeked', () => {
          out.textContent = 'duration=' + v.duration + ' readyState=' + v.readyState + ' size=' + v.videoWidth + 'x' + v.videoHeight;
        });
        v.addEventListener('error', () => { out.textContent = 'error=' + v.error.code + ' ' + v.error.message; });
        </script></body></html>
        """;

    [Test]
    public async Task An_exported_mp4_plays_in_headless_chromium_and_shows_the_frame_at_the_seek_time()
    {
        if (!File.Exists(Chromium.Path))
        {
            Assert.Ignore("Chromium is not installed (Debian package 'chromium'); run ci/setup.");
        }

        using var folder = new TempDirectory();
        var ring = RecordingTests.FilledRing(new ManualTimeProvider(LiveVideoHarness.Epoch, TimeSpan.FromSeconds(100)), frames: 20, period: TimeSpan.FromMilliseconds(100));
        await ring.ExportAsync(folder.File("window.mp4"));
        await File.WriteAllTextAsync(folder.File("page.html"), Page);

        // Media loads in real time, outside Chromium's virtual time: on a loaded machine a run can end before the
        // seek completes (seen on an idle machine too), so up to eight runs are allowed for each check (each must then
        // pass on its own).
        var dom = string.Empty;
        for (var attempt = 0; attempt < 8 && !ResultPattern().IsMatch(dom); attempt++)
        {
            dom = await Chromium.RunAsync(folder.File("page.html"), folder, "--dump-dom");
        }

        Frame shown = null!;
        for (var attempt = 0; attempt < 8 && (attempt == 0 || Spread(shown) <= 20); attempt++)
        {
            shown?.Dispose();
            await Chromium.RunAsync(folder.File("page.html"), folder, "--window-size=160,160", "--screenshot=" + folder.File("shot.png"));
            using var shot = ImageCodec.Load(folder.File("shot.png"));
            shown = shot.Crop(new Rectangle(0, 0, 160, 120));
        }

        using var disposeShown = shown;
        using var expected = TestJpegs.Pattern(160, 120, 10);
        using var other = TestJpegs.Pattern(160, 120, 3);

        var result = ResultPattern().Match(dom);
        Assert.That(result.Success, Is.True, $"page result: {dom[Math.Max(0, dom.IndexOf("<pre", StringComparison.Ordinal))..]}");
        Assert.Multiple(() =>
        {
            Assert.That(double.Parse(result.Groups["duration"].Value, CultureInfo.InvariantCulture), Is.EqualTo(1.9 + (1 / 30.0)).Within(0.05), "20 frames 100 ms apart, the last shown for one output frame");
            Assert.That(int.Parse(result.Groups["ready"].Value, CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(2), "HAVE_CURRENT_DATA or better");
            Assert.That(result.Groups["size"].Value, Is.EqualTo("160x120"));
            Assert.That(Spread(shown), Is.GreaterThan(20), "the video area is not blank");
            Assert.That(Difference(shown, expected), Is.LessThan(Difference(shown, other)), "the frame captured at 1.0 s is shown at 1.05 s");
        });
    }

    private static double Difference(Frame a, Frame b) =>
        a.Pixels.ToArray().Zip(b.Pixels.ToArray(), (x, y) => Math.Abs(x - y)).Average();

    private static double Spread(Frame frame)
    {
        var values = frame.Pixels.ToArray().Select(v => (double)v).ToArray();
        var mean = values.Average();
        return Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
    }

    [GeneratedRegex(@"duration=(?<duration>[0-9.]+) readyState=(?<ready>\d) size=(?<size>\d+x\d+)")]
    private static partial Regex ResultPattern();
}
