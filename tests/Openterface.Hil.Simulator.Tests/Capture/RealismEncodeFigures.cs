using System.Diagnostics;
using System.Globalization;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Simulator.Tests.Capture;

/// <summary>
/// The realism row of ci/bench --summary: what the MS2109 capture model costs per frame (scale + JPEG q80 4:2:2)
/// beside python3-opencv doing the same scale + its own JPEG q80 (4:2:0) on the same picture in the same run.
/// Written as JSON lines to $HIL_BENCH_FIGURES. Explicit; figures only, no timed assert.
/// </summary>
[Explicit("ci/bench --summary figures")]
[Category("Bench")]
public sealed class RealismEncodeFigures
{
    [TestCase("uefi-network_1024x768_clean.png", "realism.encode.1024x768")]
    [TestCase("../bios-main_native_clean.png", "realism.encode.720x400")]
    public void Capture_model_cost_per_frame_beside_python3_opencv(string image, string id)
    {
        var path = Path.GetFullPath(Path.Combine(RealismCorpusGeneration.RepositoryRoot(), "fixtures", "screens", "ocr", "graphical", image));
        using var picture = ImageCodec.Load(path);
        var model = new CaptureModel(new CaptureModelOptions());
        _ = model.Capture(picture);
        var times = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            var started = Stopwatch.GetTimestamp();
            _ = model.Capture(picture);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var ours = times.Order().ElementAt(times.Count / 2);
        var anchor = PythonOpenCv(path, picture.Width >= 1024);
        var line = BenchFigures.Write(id, ours, anchor, "python3-opencv resize + imencode q80", "ms",
            anchor is null ? "python3-opencv not importable on this machine" : "median of 15");
        Assert.Pass(line);
    }

    private static double? PythonOpenCv(string image, bool scale)
    {
        var script = string.Join('\n',
            "import sys, time, cv2",
            "img = cv2.imread(sys.argv[1])",
            "times = []",
            "for i in range(16):",
            "    t = time.perf_counter()",
            "    out = cv2.resize(img, (1920, 1080), interpolation=cv2.INTER_LINEAR) if sys.argv[2] == '1' else img",
            "    ok, jpg = cv2.imencode('.jpg', out, [cv2.IMWRITE_JPEG_QUALITY, 80])",
            "    times.append((time.perf_counter() - t) * 1000)",
            "print(sorted(times[1:])[7])");
        var start = new ProcessStartInfo("/usr/bin/python3", ["-c", script, image, scale ? "1" : "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        _ = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 && double.TryParse(output.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) ? Math.Round(ms, 3) : null;
    }
}
