using Openterface.Hil.Imaging;

namespace Openterface.Hil.Reporting.Tests;

/// <summary>Real Allure 3 (installed by ci/setup) and real headless Chromium.</summary>
[Category("Browser")]
public sealed class AllureReportGeneratorTests
{
    private static readonly string[] TestNames = ["Grub_menu_lists_two_entries", "Login_prompt_appears", "Capture_keeps_delivering_frames"];

    [Test]
    public async Task Single_file_report_opens_offline_from_file_url_and_lists_the_tests()
    {
        using var dir = new TempDirectory();
        var results = WriteSampleResults(dir.Combine("allure-results"));
        var report = await Generator().GenerateAsync(new AllureReportRequest(results, dir.Combine("report"), SingleFile: true));

        var html = await File.ReadAllTextAsync(report.IndexPath);
        var dom = await HeadlessChromium.DumpDomAsync(new Uri(report.IndexPath));
        Assert.Multiple(() =>
        {
            Assert.That(report.ResultCount, Is.EqualTo(3));
            Assert.That(report.AnalyticsScriptsRemoved, Is.GreaterThan(0));
            Assert.That(html, Does.Not.Contain("googletagmanager"));
            Assert.That(Directory.GetFiles(report.Directory, "*.js"), Is.Empty, "single file: no separate scripts");
            foreach (var name in TestNames)
            {
                Assert.That(dom, Does.Contain(name), "the rendered page lists every test");
            }
        });
    }

    [Test]
    public async Task Multi_file_report_served_over_http_renders_a_non_blank_page()
    {
        using var dir = new TempDirectory();
        var results = WriteSampleResults(dir.Combine("allure-results"));
        var report = await Generator().GenerateAsync(new AllureReportRequest(results, dir.Combine("report"), SingleFile: false));
        await using var server = new LoopbackStaticServer(report.Directory);
        var screenshot = dir.Combine("page.png");
        await HeadlessChromium.ScreenshotAsync(server.BaseUri, screenshot);
        var dom = await HeadlessChromium.DumpDomAsync(server.BaseUri);

        using var page = ImageCodec.Load(screenshot, PixelFormat.Gray8);
        var histogram = new int[256];
        foreach (var value in page.Pixels)
        {
            histogram[value]++;
        }

        var dominantShare = histogram.Max() / (double)page.Pixels.Length;
        Assert.Multiple(() =>
        {
            Assert.That(page.Width, Is.EqualTo(1400));
            Assert.That(dominantShare, Is.LessThan(0.99), "the page is not one flat colour");
            Assert.That(histogram.Count(h => h > 0), Is.GreaterThan(8), "the page has text and widgets");
            Assert.That(dom, Does.Contain(TestNames[0]));
        });
    }

    private static AllureReportGenerator Generator() =>
        new(AllureTool.Locate(AllureTool.DefaultStartDirectories(), Environment.GetEnvironmentVariable));

    private static string WriteSampleResults(string directory)
    {
        var time = new ManualTimeProvider(ResultsFolder.Epoch);
        var writer = new AllureResultsWriter(directory);
        writer.WriteCategories(AllureRunFiles.Categories);
        writer.WriteEnvironment(new Dictionary<string, string> { ["Target"] = "sim:console", ["Rig generation"] = "Mini-KVM v1" });
        writer.WriteExecutor(AllureRunFiles.DetectExecutor(_ => null));
        Finish(writer, time, TestNames[0], AllureStatus.Passed, null);
        Finish(writer, time, TestNames[1], AllureStatus.Failed, "Needle 'login' not found within 30s.");
        Finish(writer, time, TestNames[2], AllureStatus.Broken, AllureRunFiles.RigFaultPrefix + "no frame for 5s");
        return directory;
    }

    private static void Finish(AllureResultsWriter writer, ManualTimeProvider time, string name, AllureStatus status, string? message)
    {
        var test = new AllureTestCase(writer, ResultsFolder.Describe(name), time);
        var step = new StepInfo(1, null, "Press 'enter'", StepKind.Action, new Dictionary<string, string>(), time.GetUtcNow());
        test.Listener.OnStepStarted(step);
        time.Advance(TimeSpan.FromMilliseconds(40));
        test.Listener.OnStepFinished(step, new StepOutcome(StepStatus.Passed, time.GetUtcNow(), null, null, []));
        test.Attach("Serial transcript", "text/plain", "txt", "57 AB 00 02 08 ..."u8);
        time.Advance(TimeSpan.FromMilliseconds(200));
        test.Finish(status, message);
    }
}
