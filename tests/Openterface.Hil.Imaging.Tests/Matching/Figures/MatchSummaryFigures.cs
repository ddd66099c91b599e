using System.Diagnostics;
using System.Drawing;
using System.Globalization;
using Openterface.Hil.Imaging.Tests.Matching.Corpus;
using Openterface.Hil.TestSupport;

namespace Openterface.Hil.Imaging.Tests.Matching.Figures;

/// <summary>
/// The needle-decision rows of ci/bench --summary on a 1920x1080 capture (installer-a-q80.jpg), with the needles the
/// NeedleDecisionBenchmarks cut (64x32, 200x60, 400x300): the product's decision as the operator's waits make it
/// (<see cref="NeedleMatcher.Match"/>: search ratio 0 = the near-position decision of every wait frame, search ratio 1 =
/// the end of a wait, margin 1024), each beside raw whole-frame OpenCV matchTemplate (TM_CCOEFF_NORMED on a ready grey
/// frame) through our shim, measured in the same run. Ours includes the grey conversion and blur of the searched box.
/// match.whole is the needle at its recorded place; its note adds the same decision with the needle moved by 13,7
/// (the capture cropped) and absent (desktop-a-q80.jpg, where the wide-search shortcut gives up and the full map runs),
/// and the full map alone (the shortcut off: the decision before <see cref="ProvenMinimum"/>) in the same run.
/// Figures only: the asserts check the decisions (found where it is, not found where it is not), never a time.
/// </summary>
[Explicit("ci/bench --summary figures")]
[Category("Bench")]
public sealed class MatchSummaryFigures
{
    private const int Runs = 15;

    private static readonly (string Size, Rectangle Region)[] Sizes =
    [
        ("64x32", new Rectangle(588, 314, 64, 32)),
        ("200x60", new Rectangle(1120, 710, 200, 60)),
        ("400x300", new Rectangle(580, 310, 400, 300)),
    ];

    [Test]
    public void Near_and_whole_frame_decisions_beside_raw_opencv()
    {
        using var frame = ImageCodec.Load(Path.Combine(RepoPaths.Screens, "installer-a-q80.jpg"));
        using var moved = frame.Crop(new Rectangle(13, 7, frame.Width - 13, frame.Height - 7));
        using var absent = ImageCodec.Load(Path.Combine(RepoPaths.Screens, "desktop-a-q80.jpg"));
        using var grey = frame.ToGray();
        using var matcher = new NeedleMatcher();
        using var fullMap = new NeedleMatcher { WideSearchShortcut = false };
        var rows = new List<(string Size, double Near, double Whole, double Moved, double Absent, double FullMap, double FullMapAbsent, double OpenCv)>();
        foreach (var (size, region) in Sizes)
        {
            var needle = Needle.FromFrame(frame, region, "summary-" + size);
            using var template = grey.Crop(region);
            var near = Median(() => Decide(matcher, frame, needle, 0, region));
            var whole = Median(() => Decide(matcher, frame, needle, 1, region));
            var shifted = Median(() => Decide(matcher, moved, needle, 1, new Rectangle(region.X - 13, region.Y - 7, region.Width, region.Height)));
            var missing = Median(() => Decide(matcher, absent, needle, 1, null));
            var full = Median(() => Decide(fullMap, frame, needle, 1, region));
            var fullAbsent = Median(() => Decide(fullMap, absent, needle, 1, null));
            var openCv = Median(() => _ = TemplateMatch.FindBest(grey, template));
            rows.Add((size, near, whole, shifted, missing, full, fullAbsent, openCv));
            TestContext.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size}: near {near:0.00} ms, whole {whole:0.00} ms (moved {shifted:0.00}, absent {missing:0.00}, full map {full:0.00}, full map absent {fullAbsent:0.00}), raw OpenCV {openCv:0.00} ms (load {Load()})"));
        }

        var note = $"median of {Runs}; load {Load()}";
        foreach (var row in rows.Where(r => r.Size is "200x60" or "400x300"))
        {
            BenchFigures.Write($"match.near.{row.Size}", row.Near, row.OpenCv, "OpenCV matchTemplate whole frame via shim", "ms", $"openQA margin 50, {note}");
        }

        var worst = rows.MaxBy(r => r.Whole);
        var all = string.Join(", ", rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Size} {r.Whole:0.0}/{r.OpenCv:0.0}")));
        var other = string.Join(", ", rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Size} {r.Moved:0.0}/{r.Absent:0.0}/{r.FullMap:0.0}/{r.FullMapAbsent:0.0}")));
        BenchFigures.Write("match.whole", worst.Whole, worst.OpenCv, $"OpenCV matchTemplate whole frame via shim, {worst.Size}", "ms",
            $"worst is {worst.Size}; ours/OpenCV ms: {all}; needle moved 13,7 / absent / full map (shortcut off, as before) present / absent ms: {other}; end of wait (margin 1024), {note}");
    }

    /// <summary>One decision; it must find the needle where it is, or not at all when absent (a figure of a wrong decision is no figure).</summary>
    private static void Decide(NeedleMatcher matcher, Frame frame, Needle needle, double searchRatio, Rectangle? at)
    {
        var result = matcher.Match(frame, needle, SearchScope.Auto, searchRatio);
        if (at is { } region)
        {
            Assert.That((result.Found, result.Bounds), Is.EqualTo((true, region)), result.Reason);
        }
        else
        {
            Assert.That(result.Found, Is.False, $"{needle.Name} found on a screen without it: {result}");
        }
    }

    private static double Median(Action action)
    {
        action(); // warm-up: JIT, pools, native library load
        return BenchFigures.Median(Enumerable.Range(0, Runs).Select(_ =>
        {
            var started = Stopwatch.GetTimestamp();
            action();
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }).ToList());
    }

    private static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
