using System.Diagnostics;
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
/// 400x300 needles, side by side: ours near the recorded position, ours whole-frame (pyramid), raw whole-frame OpenCV
/// through our shim, and python3-opencv's cv2.matchTemplate (a persistent /usr/bin/python3 subprocess; one call per
/// invocation). Ours includes grey conversion and smoothing of the new frame; the raw baselines get a grey frame.
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
    private NeedleMatcher _matcher = null!;
    private Process? _python;

    [Params("64x32", "200x60", "400x300")]
    public string Size { get; set; } = "64x32";

    [GlobalSetup]
    public void Setup()
    {
        var path = Repo.File("fixtures", "screens", "matching", "installer-a-q80.jpg");
        _frame = ImageCodec.Load(path);
        _grey = _frame.ToGray();
        _template = _grey.Crop(Regions[Size]);
        _needle = Needle.FromFrame(_frame, Regions[Size], "bench-" + Size);
        _matcher = new NeedleMatcher();
        var r = Regions[Size];
        _python = Process.Start(new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { Repo.File("tests", "Openterface.Hil.Benchmarks", "Baselines", "matchtemplate_baseline.py"), path, $"{r.X},{r.Y},{r.Width},{r.Height}", "--serve" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        if (_python.StandardOutput.ReadLine() != "ready")
        {
            throw new InvalidOperationException("python3-opencv baseline did not start: is python3-opencv installed?");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_python is not null)
        {
            _python.StandardInput.Close();
            _python.WaitForExit(5000);
            _python.Dispose();
        }

        _matcher.Dispose();
        _template.Dispose();
        _grey.Dispose();
        _frame.Dispose();
    }

    [Benchmark(Description = "ours near recorded position")]
    public bool OursNear()
    {
        _matcher.Release(); // a new frame every decision: grey conversion and smoothing are included
        return _matcher.Match(_frame, _needle, SearchScope.NearRecordedPosition).Found;
    }

    [Benchmark(Description = "ours whole frame (pyramid)")]
    public bool OursWholeFrame()
    {
        _matcher.Release();
        return _matcher.Match(_frame, _needle, SearchScope.WholeFrame).Found;
    }

    [Benchmark(Baseline = true, Description = "OpenCV whole frame via shim")]
    public unsafe double RawOpenCvWholeFrame()
    {
        HilCvNative.Check(HilCvNative.MatchBest(_grey.View(), _template.View(), null, 5, out var score, out _, out _), "Raw matching");
        return score;
    }

    [Benchmark(Description = "python3-opencv whole frame")]
    public string? PythonOpenCvWholeFrame()
    {
        _python!.StandardInput.WriteLine();
        return _python.StandardOutput.ReadLine();
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
