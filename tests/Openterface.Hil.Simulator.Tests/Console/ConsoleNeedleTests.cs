using System.Drawing;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Simulator.Tests.VirtualConsole;

public sealed class ConsoleNeedleTests
{
    private const double Threshold = 0.99;

    private readonly Dictionary<string, Frame> _screens = [];

    private static IEnumerable<string> Needles => ConsoleNeedles.All.Select(n => n.Name);

    /// <summary>Each scenario's screen, captured once for the fixture (rendering is the slow part).</summary>
    [OneTimeSetUp]
    public async Task Capture_every_needle_screen()
    {
        foreach (var needle in ConsoleNeedles.All)
        {
            _screens[needle.Name] = await ConsoleNeedles.CaptureAsync(needle);
        }
    }

    [OneTimeTearDown]
    public void Release_screens()
    {
        foreach (var frame in _screens.Values)
        {
            frame.Dispose();
        }
    }

    [TestCaseSource(nameof(Needles))]
    public void Needle_matches_its_screen_at_the_recorded_position(string name)
    {
        var needle = ConsoleNeedles.Named(name);
        var json = ConsoleNeedles.Read(Path.Combine(ConsoleNeedles.Directory, needle.Name + ".json"));
        using var screenshot = ImageCodec.Load(Path.Combine(ConsoleNeedles.Directory, needle.Name + ".png"));
        var frame = _screens[needle.Name];
        var area = json.Area.Single();
        using var template = screenshot.Crop(new Rectangle(area.X, area.Y, area.Width, area.Height));

        var (score, location) = TemplateMatch.FindBest(frame, template);

        Assert.Multiple(() =>
        {
            Assert.That(json.Tags, Does.Contain(needle.Name));
            Assert.That(area.Type, Is.EqualTo("match"));
            Assert.That(score, Is.GreaterThan(Threshold));
            Assert.That(location, Is.EqualTo(new Point(area.X, area.Y)));
        });
    }

    [TestCaseSource(nameof(Needles))]
    public void Needle_does_not_match_the_other_screens(string name)
    {
        var needle = ConsoleNeedles.Named(name);
        using var screenshot = ImageCodec.Load(Path.Combine(ConsoleNeedles.Directory, needle.Name + ".png"));
        using var template = screenshot.Crop(needle.Area);
        foreach (var other in ConsoleNeedles.All.Where(o => o.Screen != needle.Screen))
        {
            var (score, _) = TemplateMatch.FindBest(_screens[other.Name], template, needle.Area);

            Assert.That(score, Is.LessThan(Threshold), $"'{needle.Name}' on the '{other.Name}' screen");
        }
    }

    [Test]
    public void Setup_tab_needles_tell_the_selected_tab_apart()
    {
        var main = ConsoleNeedles.Named("console-setup-main");
        var boot = ConsoleNeedles.Named("console-setup-boot");
        using var mainShot = ImageCodec.Load(Path.Combine(ConsoleNeedles.Directory, main.Name + ".png"));
        using var template = mainShot.Crop(main.Area);
        var (score, _) = TemplateMatch.FindBest(_screens[boot.Name], template, main.Area);

        Assert.That(score, Is.LessThan(Threshold));
    }

    /// <summary>Rewrites the needle PNGs and JSONs from the target. Run by hand after an intended screen change, never to go green.</summary>
    [Test]
    [Explicit("Regenerates fixtures/needles/console; review the diff before committing.")]
    public async Task Generate_console_needles()
    {
        System.IO.Directory.CreateDirectory(ConsoleNeedles.Directory);
        foreach (var needle in ConsoleNeedles.All)
        {
            using var frame = await ConsoleNeedles.CaptureAsync(needle);
            frame.Save(Path.Combine(ConsoleNeedles.Directory, needle.Name + ".png"));
            await File.WriteAllTextAsync(Path.Combine(ConsoleNeedles.Directory, needle.Name + ".json"), ConsoleNeedles.Serialize(needle));
        }

        Assert.That(System.IO.Directory.GetFiles(ConsoleNeedles.Directory, "*.png"), Has.Length.GreaterThanOrEqualTo(ConsoleNeedles.All.Count));
    }
}
