using System.Diagnostics;
using System.Drawing;
using BenchmarkDotNet.Attributes;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Benchmarks.Ocr;

/// <summary>
/// Reading a 400x60 region of a BIOS screen: the console reader (steady state, grid remembered for the frame
/// size; and cold, grid searched), our Tesseract path (preprocessing + C API, engine reused), and the
/// `tesseract` CLI with default settings on the same pre-cropped region (one subprocess per image).
/// Run: dotnet run -c Release --project tests/Openterface.Hil.Benchmarks -- --filter '*OcrRegion*'
/// </summary>
[InProcess]
[WarmupCount(3)]
[IterationCount(15)]
[MedianColumn]
public class OcrRegionBenchmarks
{
    private Frame _frame = null!;
    private Rectangle _region;
    private TextRecognizer _recognizer = null!;
    private string _cropPath = string.Empty;

    [Params("bios-main_native_jpeg.jpg", "bios-main_1920x1080_blurjpeg.jpg")]
    public string Image { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _frame = ImageCodec.Load(Path.Combine(Fixtures.OcrCorpus, Image));
        _region = new Rectangle(0, 128 * _frame.Height / 400, 400, 60);
        _recognizer = new TextRecognizer();
        _ = _recognizer.Read(_frame, _region, OcrEngineKind.Console);
        _ = _recognizer.Read(_frame, _region, OcrEngineKind.Tesseract);
        _cropPath = Path.Combine(Path.GetTempPath(), $"hil-ocr-bench-{Environment.ProcessId}.png");
        using var crop = _frame.Crop(_region);
        crop.Save(_cropPath);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _recognizer.Dispose();
        _frame.Dispose();
        File.Delete(_cropPath);
    }

    [Benchmark(Baseline = true)]
    public string TesseractCliDefault()
    {
        using var process = Process.Start(new ProcessStartInfo("tesseract", [_cropPath, "stdout"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var text = process.StandardOutput.ReadToEnd();
        _ = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return text;
    }

    [Benchmark]
    public string OursTesseract() => _recognizer.Read(_frame, _region, OcrEngineKind.Tesseract).Text;

    [Benchmark]
    public string OursConsole() => _recognizer.Read(_frame, _region, OcrEngineKind.Console).Text;

    [Benchmark]
    public string OursConsoleColdGrid()
    {
        using var fresh = new TextRecognizer();
        return fresh.Read(_frame, _region, OcrEngineKind.Console).Text;
    }
}
