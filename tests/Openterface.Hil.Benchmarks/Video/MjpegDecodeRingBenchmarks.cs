using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Openterface.Hil.Simulator;
using Openterface.Hil.Video;

namespace Openterface.Hil.Benchmarks.Video;

/// <summary>
/// The capture hot path on a 1080p MJPEG stream: decode into a pooled frame + health signature + ring
/// (in memory), and the whole path from the simulator's HTTP server on loopback to a frame available in
/// <see cref="LiveVideo"/> (frame published, then awaited: time per op is the served-to-available latency).
/// </summary>
[MemoryDiagnoser]
public class MjpegDecodeRingBenchmarks
{
    private const int FramesPerStreamOp = 30;
    private IReadOnlyList<ReadOnlyMemory<byte>> _jpegs = [];
    private FrameRing _ring = null!;
    private MjpegHttpServer _server = null!;
    private LiveVideo _live = null!;
    private int _next;
    private long _ringClock;

    // BenchmarkDotNet's in-process toolchain (needed on these loaded machines) does not await async setup.
#pragma warning disable VSTHRD002
    [GlobalSetup]
    public void Setup()
    {
        _jpegs = VideoFixture.LoadJpegs();
        _ring = new FrameRing(TimeSpan.FromSeconds(20), long.MaxValue, TimeProvider.System, NullLogger.Instance);
        for (var i = 0; i < 20 * 30; i++)
        {
            AddToRing(_jpegs[i % _jpegs.Count].Span);
        }

        _server = MjpegHttpServer.Start();
        _server.Publish(_jpegs[0]);
        var source = FrameSources.OpenAsync(_server.Uri.ToString()).GetAwaiter().GetResult();
        // A 1 s ring fills within the warm-up, so the measured ops are steady state (the 20 s ring is the soak's job).
        _live = LiveVideo.Start(source, new LiveVideoOptions { RingLength = TimeSpan.FromSeconds(1) });
        _live.WaitForFrameAsync(long.MinValue).AsTask().GetAwaiter().GetResult().Dispose();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _live.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
#pragma warning restore VSTHRD002

    /// <summary>One 1080p JPEG decoded into a pooled frame, fingerprinted for health, and stored in the ring.</summary>
    [Benchmark]
    public int DecodeSignatureRing_1080p()
    {
        var jpeg = _jpegs[_next++ % _jpegs.Count].Span;
        using var frame = JpegCodec.Decode(jpeg, "bench");
        var signature = FrameSignature.Of(frame);
        AddToRing(jpeg);
        return signature.Hash;
    }

    /// <summary>Ring timestamps advance 1/30 s per frame, so after setup the ring is full and evicts one frame per add.</summary>
    private void AddToRing(ReadOnlySpan<byte> jpeg)
    {
        _ringClock += TimeProvider.System.TimestampFrequency / 30;
        _ring.Add(jpeg, _ringClock, _ringClock);
    }

    /// <summary>Per frame: published by MjpegHttpServer, read over loopback HTTP, decoded, ringed, handed to a waiter.</summary>
    [Benchmark(OperationsPerInvoke = FramesPerStreamOp)]
    public async Task<long> ServedToAvailable_1080p_http()
    {
        long last = 0;
        for (var i = 0; i < FramesPerStreamOp; i++)
        {
            var publishedAt = TimeProvider.System.GetTimestamp();
            _server.Publish(_jpegs[_next++ % _jpegs.Count]);
            using var frame = await _live.WaitForFrameAsync(publishedAt);
            last = frame.Sequence;
        }

        return last;
    }
}
