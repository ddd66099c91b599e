using BenchmarkDotNet.Attributes;
using Openterface.Hil.Protocol;

namespace Openterface.Hil.Benchmarks;

/// <summary>CH9329 frame encode and streaming decode throughput (1,000 keyboard frames per operation).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class CodecBenchmarks
{
    private const int Frames = 1000;
    private readonly byte[] _scratch = new byte[Ch9329Frame.Overhead + KeyboardReport.Size];
    private byte[] _stream = [];
    private Ch9329Frame[] _requests = [];

    [GlobalSetup]
    public void Setup()
    {
        _requests = Enumerable.Range(0, Frames)
            .Select(i => Ch9329Requests.Keyboard(new KeyboardReport((KeyModifiers)(i & 0x22), [(byte)(4 + (i % 26))])))
            .ToArray();
        _stream = _requests.SelectMany(f => f.ToBytes()).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Frames)]
    public int Encode()
    {
        var total = 0;
        foreach (var frame in _requests)
        {
            total += frame.WriteTo(_scratch);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Frames)]
    public int Decode()
    {
        var decoder = new Ch9329FrameDecoder();
        var count = 0;
        for (var offset = 0; offset < _stream.Length; offset += 64)
        {
            decoder.Append(_stream.AsSpan(offset, Math.Min(64, _stream.Length - offset)));
            while (decoder.TryRead(out _))
            {
                count++;
            }
        }

        return count;
    }
}
