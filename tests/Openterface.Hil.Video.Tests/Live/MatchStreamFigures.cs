using System.Diagnostics;
using System.Drawing;
using System.Globalization;
using Openterface.Hil.Imaging;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.Video.Tests;

/// <summary>
/// The stream rows of ci/bench --summary, "10 needles, 1080p30 MJPEG stream, 2 cores": the committed 1080p30 MJPEG
/// fixture played in real time at 30 fps by <see cref="MjpegHttpServer"/> on loopback into <see cref="LiveVideo"/>
/// (the real MJPEG decode path), and 10 needles of different sizes and places, cut from the stream's own frames at
/// their recorded positions, decided on each frame the way a wait does it: take the newest frame after the last one
/// decided (<see cref="LiveVideo.WaitForFrameAsync"/>), decide every needle with one <see cref="NeedleMatcher"/>
/// (near the recorded position, search ratio 0: the decision of every frame early in a wait), repeat. A frame the
/// source delivered while the decider was still busy is never decided: a dropped decision. Figures only.
/// </summary>
[Explicit("ci/bench --summary figures: real-time stream for several seconds")]
[Category("Bench")]
public sealed class MatchStreamFigures
{
    private const double SourceFps = 30;
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    private static readonly Rectangle[] Regions =
    [
        new(40, 40, 32, 32), new(1700, 60, 64, 32), new(300, 200, 100, 40), new(1500, 300, 120, 80), new(100, 700, 160, 60),
        new(1120, 710, 200, 60), new(800, 100, 240, 120), new(1400, 900, 300, 100), new(600, 600, 320, 200), new(900, 400, 400, 300),
    ];

    [Test]
    public async Task Ten_needles_on_a_1080p30_mjpeg_stream()
    {
        var time = TimeProvider.System;
        using var stop = new CancellationTokenSource();
        var jpegs = RepoFixtures.VideoJpegs(RepoFixtures.Video1080p30);
        await using var server = MjpegHttpServer.Start();
        server.Publish(jpegs[0]);
        await using var live = LiveVideo.Start(await FrameSources.OpenAsync(server.Uri.ToString(), cancellationToken: stop.Token));
        var replay = server.ReplayAsync(jpegs, SourceFps, stop.Token);
        using var matcher = new NeedleMatcher();
        try
        {
            var (needles, after) = await CutNeedlesAsync(live, stop.Token);
            (_, after) = await DecideAsync(live, matcher, needles, after, WarmUp, time, stop.Token); // JIT, pools, caches
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var publishedBefore = server.FramesPublished;
            var (run, _) = await DecideAsync(live, matcher, needles, after, Measured, time, stop.Token);
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore) / run.Elapsed;
            var published = server.FramesPublished - publishedBefore;
            var load = (await File.ReadAllTextAsync("/proc/loadavg", stop.Token)).Split(' ')[0];
            var fps = run.Decided / run.Elapsed.TotalSeconds;
            var note = string.Create(CultureInfo.InvariantCulture,
                $"{run.Decided} of {run.Delivered} frames decided, {run.Dropped} dropped, load {load}; {published} published in {run.Elapsed.TotalSeconds:0.0} s, " +
                $"{(double)run.Found / run.Decided:0.0} of 10 needles found per frame, decisions {run.DecisionMedianMs:0.0} ms median per frame, " +
                $"process CPU {cpu:0.00} cores, {live.BadFrames} bad frames");
            BenchFigures.Write("match.stream.fps", fps, SourceFps, "source", "fps", note);
            BenchFigures.Write("match.stream.dropped", run.Dropped, run.Delivered, "frames delivered", "frames", note);
            Assert.That(run.Found, Is.GreaterThan(0), "no needle was ever found: the needles are not the stream's");
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await replay;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>Needle i is cut at Regions[i] from the i-th decoded frame of the stream (its recorded position).</summary>
    private static async Task<(List<Needle> Needles, long After)> CutNeedlesAsync(LiveVideo live, CancellationToken cancellationToken)
    {
        var needles = new List<Needle>();
        var after = long.MinValue;
        for (var i = 0; i < Regions.Length; i++)
        {
            using var frame = await live.WaitForFrameAsync(after, cancellationToken);
            after = frame.Timestamp;
            needles.Add(Needle.FromFrame(frame, Regions[i], string.Create(CultureInfo.InvariantCulture, $"stream-{Regions[i].Width}x{Regions[i].Height}")));
        }

        return (needles, after);
    }

    /// <summary>Decides every needle on the newest frame, again and again, for <paramref name="duration"/>.</summary>
    private static async Task<(StreamRun Run, long After)> DecideAsync(
        LiveVideo live, NeedleMatcher matcher, List<Needle> needles, long after, TimeSpan duration, TimeProvider time, CancellationToken cancellationToken)
    {
        long first = -1, last = -1, dropped = 0, found = 0;
        var decided = 0;
        var decisions = new List<double>();
        var started = time.GetTimestamp();
        while (time.GetElapsedTime(started) < duration)
        {
            using var frame = await live.WaitForFrameAsync(after, cancellationToken);
            after = frame.Timestamp;
            if (first < 0)
            {
                first = frame.Sequence;
            }
            else
            {
                dropped += frame.Sequence - last - 1;
            }

            last = frame.Sequence;
            var deciding = time.GetTimestamp();
            foreach (var needle in needles)
            {
                found += matcher.Match(frame, needle).Found ? 1 : 0;
            }

            decisions.Add(time.GetElapsedTime(deciding).TotalMilliseconds);
            decided++;
        }

        var run = new StreamRun(time.GetElapsedTime(started), decided, last - first + 1, dropped, found, BenchFigures.Median(decisions));
        return (run, after);
    }

    private sealed record StreamRun(TimeSpan Elapsed, int Decided, long Delivered, long Dropped, long Found, double DecisionMedianMs);
}
