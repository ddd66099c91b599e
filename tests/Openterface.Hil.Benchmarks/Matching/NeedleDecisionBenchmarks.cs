using System.Drawing;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Openterface.Hil.Imaging;
using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Benchmarks.Matching;

/// <summary>
/// Needle decision time on a 1920x1080 capture (installer-a-q80.jpg from the matching corpus) for 64x32, 200x60 and
/// 400x300 needles: the openQA path with the margin as written (50 px, the near-position decision of every wait
/// frame), the openQA path at the end of a wait (search ratio 1: margin 1024, the whole frame), the stb-tester
/// template path (colour, whole frame, full resolution, with the confirm step), and raw whole-frame OpenCV through
/// our shim (TM_CCOEFF_NORMED on a ready grey frame) as the baseline. Ours includes the grey conversion and 3x3 blur
/// of the searched box on every decision.
/// Run: dotnet run -c Release --project tests/Openterface.Hil.Benchmarks -- --filter '*NeedleDecision*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortConfig))]
public class NeedleDecisionBenchmarks
{
    private static readonly Dictionary<string, Rectangle> Regions = new(StringComparer.Ordinal)
    {
        ["64x32"] = new Rectangle(588, 314, 64, 32),
        ["200x60"] = new Rectangle(1120, 710, 200, 60),
        ["400x300"] = new Rectangle(580, 310, 400, 300),
    };

    private Frame _frame = null!;
    private Frame _grey = null!;
    private Frame _template = null!;
    private Needle _needle = null!;
    private Needle _cutout = null!;
    private NeedleMatcher _matcher = null!;

    [Params("64x32", "200x60", "400x300")]
    public string Size { get; set; } = "64x32";

    [GlobalSetup]
    public void Setup()
    {
        _frame = ImageCodec.Load(Repo.File("fixtures", "screens", "matching", "installer-a-q80.jpg"));
        _grey = _frame.ToGray();
        _template = _grey.Crop(Regions[Size]);
        _needle = Needle.FromFrame(_frame, Regions[Size], "bench-" + Size);
        using var cutout = _frame.Crop(Regions[Size]);
        _cutout = Needle.FromTemplate(cutout, "bench-template-" + Size);
        _matcher = new NeedleMatcher();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _matcher.Dispose();
        _template.Dispose();
        _grey.Dispose();
        _frame.Dispose();
    }

    [Benchmark(Description = "openQA, margin 50 (near)")]
    public bool OpenQaNear() => _matcher.Match(_frame, _needle).Found;

    [Benchmark(Description = "openQA, end of wait (margin 1024)")]
    public bool OpenQaEndOfWait() => _matcher.Match(_frame, _needle, SearchScope.Auto, searchRatio: 1).Found;

    [Benchmark(Description = "template (stb-tester), whole frame")]
    public bool TemplateWholeFrame() => _matcher.Match(_frame, _cutout).Found;

    [Benchmark(Baseline = true, Description = "OpenCV whole frame via shim")]
    public unsafe double RawOpenCvWholeFrame()
    {
        HilCvNative.Check(HilCvNative.MatchBest(_grey.View(), _template.View(), null, 5, out var score, out _, out _), "Raw matching");
        return score;
    }

    /// <summary>
    /// In-process (the generated-project build exceeds BenchmarkDotNet's 2-minute build timeout on these loaded
    /// machines), 3 warm-up and 15 measured iterations.
    /// </summary>
    public sealed class InProcessShortConfig : ManualConfig
    {
        public InProcessShortConfig() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15));
    }

    private static class Repo
    {
        internal static string File(params string[] parts)
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (System.IO.File.Exists(Path.Combine(dir.FullName, "Openterface.Hil.sln")))
                {
                    return Path.Combine([dir.FullName, .. parts]);
                }
            }

            throw new DirectoryNotFoundException("Run the benchmarks from inside the repository.");
        }
    }
}
