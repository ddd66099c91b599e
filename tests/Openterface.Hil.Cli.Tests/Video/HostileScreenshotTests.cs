using System.Diagnostics;
using System.Globalization;
using Openterface.Hil.Imaging;
using Openterface.Hil.Video.Tests;

namespace Openterface.Hil.Cli.Tests.Video;

/// <summary>
/// Issue 14, must show: `hil screenshot --video URL` against a hostile streamer exits non-zero within 20 s naming
/// the problem, and its peak resident memory (VmHWM, sampled from /proc while it runs) stays under 300 MB.
/// </summary>
[CancelAfter(60_000)]
public class HostileScreenshotTests
{
    private const long MemoryLimit = 300L * 1024 * 1024;

    [TestCase(HostileMode.Header65535, "'65535x65535', beyond the 8192x8192 limit")]
    [TestCase(HostileMode.Header40000x17000, "'40000x17000', beyond the 8192x8192 limit")]
    [TestCase(HostileMode.NoEndBoundary, "before the part's end boundary")]
    [TestCase(HostileMode.Garbage64MiB, "is malformed: no boundary")]
    [TestCase(HostileMode.StallAfterHeaders, "stalled: no data for 5 s")]
    public async Task Screenshot_of_a_hostile_stream_fails_naming_the_problem_in_bounded_time_and_memory(
        HostileMode mode, string problem, CancellationToken ct)
    {
        await using var server = new HostileMjpegServer(GoodJpeg(), mode);
        var output = Path.Combine(Path.GetTempPath(), $"hil-hostile-{Guid.NewGuid():N}.png");

        var run = await RunHilAsync(ct, "screenshot", "--video", server.Uri.ToString(), "-o", output, "--timeout", "15");
        await TestContext.Out.WriteLineAsync(
            $"{mode}: exit {run.Exit} after {run.Elapsed.TotalSeconds:0.0} s, peak RSS {run.PeakRss / (1024 * 1024)} MiB; {run.Error.Trim()}");

        Assert.Multiple(() =>
        {
            Assert.That(run.Exit, Is.Not.EqualTo(0));
            Assert.That(run.Error, Does.Contain(problem));
            Assert.That(run.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "the must-show bound from issue 14");
            Assert.That(run.PeakRss, Is.GreaterThan(0).And.LessThan(MemoryLimit), "peak resident memory of the hil process");
            Assert.That(File.Exists(output), Is.False);
        });
    }

    private static byte[] GoodJpeg()
    {
        var pixels = new byte[64 * 48 * 3];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(i * 7 % 251);
        }

        using var frame = Frame.FromPixels(pixels, 64, 48, PixelFormat.Bgr24);
        return frame.EncodeJpeg(90);
    }

    private static async Task<(int Exit, string Error, TimeSpan Elapsed, long PeakRss)> RunHilAsync(CancellationToken ct, params string[] arguments)
    {
        var hil = Path.Combine(AppContext.BaseDirectory, "hil.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(hil);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var peak = 0L;
        var exited = process.WaitForExitAsync(ct);
        while (!exited.IsCompleted)
        {
            peak = Math.Max(peak, PeakRss(process.Id));
            await Task.WhenAny(exited, Task.Delay(20, ct));
        }

        await exited;
        watch.Stop();
        _ = await stdout;
        return (process.ExitCode, await stderr, watch.Elapsed, peak);
    }

    /// <summary>VmHWM (peak resident set) of a running process in bytes; 0 once it has gone.</summary>
    private static long PeakRss(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process exited between the check and the read.
        }

        return 0;
    }
}
