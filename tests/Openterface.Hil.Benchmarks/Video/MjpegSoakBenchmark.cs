using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Openterface.Hil.Simulator;
using Openterface.Hil.Video;

namespace Openterface.Hil.Benchmarks.Video;

/// <summary>
/// 20 s of the 1080p30 fixture served at 30 fps by MjpegHttpServer on loopback into a LiveVideo with a 20 s ring,
/// measured after 21 s that fill the ring (steady state: old frames' buffers are reused). Prints (and writes to BenchmarkDotNet.Artifacts/video-soak.txt) sustained fps, process CPU per frame,
/// process-wide allocation per frame (server and client together), ring memory, and served-to-available latency.
/// </summary>
/// <remarks>
/// Run: <c>dotnet run -c Release -- --filter '*MjpegSoak*' --inProcess --strategy Monitoring --launchCount 1
/// --warmupCount 0 --iterationCount 1 --invocationCount 1 --unrollFactor 1</c>.
/// </remarks>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class MjpegSoakBenchmark
{
    [Params(20)]
    public int Seconds { get; set; }

    [Benchmark]
    public async Task<string> Soak_1080p30_http()
    {
        var jpegs = VideoFixture.LoadJpegs();
        var time = TimeProvider.System;
        await using var server = MjpegHttpServer.Start();
        server.Publish(jpegs[0]);
        await using var live = LiveVideo.Start(await FrameSources.OpenAsync(server.Uri.ToString()));
        (await live.WaitForFrameAsync(long.MinValue)).Dispose();

        await ServeAsync(server, live, jpegs, (Seconds + 1) * 30, latencies: null);
        var total = Seconds * 30;
        var latencies = new double[total];
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = time.GetTimestamp();
        await ServeAsync(server, live, jpegs, total, latencies);
        var elapsed = time.GetElapsedTime(started);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Array.Sort(latencies);
        var report =
            $"video soak: {total} frames 1920x1080 in {elapsed.TotalSeconds:0.00} s = {total / elapsed.TotalSeconds:0.0} fps sustained; " +
            $"CPU {cpu.TotalMilliseconds / total:0.00} ms/frame (whole process, server included); " +
            $"allocated {allocated / total:0} B/frame (whole process, server included); " +
            $"ring {live.Ring.Count} frames, {live.Ring.MemoryBytes / (1024.0 * 1024):0.0} MiB for {live.Ring.Length.TotalSeconds:0} s; " +
            $"served-to-available latency p50 {latencies[total / 2]:0.0} ms, p95 {latencies[total * 95 / 100]:0.0} ms, max {latencies[^1]:0.0} ms " +
            $"(frame period 33.3 ms); health {live.Health.Kind}";
        Console.WriteLine(report);
        Directory.CreateDirectory("BenchmarkDotNet.Artifacts");
        await File.AppendAllTextAsync(Path.Combine("BenchmarkDotNet.Artifacts", "video-soak.txt"), report + Environment.NewLine);
        return report;
    }

    /// <summary>Publishes <paramref name="count"/> frames at 30 fps, each awaited until LiveVideo has it.</summary>
    private static async Task ServeAsync(MjpegHttpServer server, LiveVideo live, IReadOnlyList<ReadOnlyMemory<byte>> jpegs, int count, double[]? latencies)
    {
        var time = TimeProvider.System;
        var started = time.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / 30.0) - time.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, time);
            }

            var publishedAt = time.GetTimestamp();
            server.Publish(jpegs[i % jpegs.Count]);
            using var frame = await live.WaitForFrameAsync(publishedAt);
            if (latencies is not null)
            {
                latencies[i] = time.GetElapsedTime(publishedAt).TotalMilliseconds;
            }
        }
    }
}
