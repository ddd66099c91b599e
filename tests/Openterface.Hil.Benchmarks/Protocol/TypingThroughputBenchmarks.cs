using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Openterface.Hil.Device;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.Benchmarks;

/// <summary>
/// Typing through MiniKvm over a real pseudo-terminal into the CH9329 emulator, with the emulator pacing both
/// directions to wire time (10 bits per byte) at the chip's baud. Each character is two keyboard reports (press,
/// release), each 14 bytes out and a 7-byte ACK back, and every report waits for its ACK (so a retry can never
/// reorder key states). The reported ratio compares the achieved rate with that stop-and-wait wire limit
/// (2 x 21 bytes x 10 bits per character) and, for reference, with the one-way TX limit (28 bytes per character).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TypingThroughputBenchmarks
{
    private RecordingTarget _target = null!;
    private PtyCh9329Server _server = null!;
    private MiniKvm _kvm = null!;
    private string _text = string.Empty;
    private long _characters;
    private TimeSpan _elapsed;

    [Params(115200, 9600)]
    public int Baud { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _target = new RecordingTarget();
        var emulator = new Ch9329Emulator(_target, new Ch9329EmulatorOptions { BaudRate = Baud });
        _server = new PtyCh9329Server(emulator, throttleToWireSpeed: true);
        _kvm = await MiniKvm.ConnectAsync(_server.Path, new MiniKvmOptions { BaudRate = Baud, Pacing = KeyPacing.None, HeartbeatInterval = TimeSpan.Zero });
        _text = Baud >= 115200 ? "The quick brown fox jumps over the lazy dog 0123456789 ".PadRight(200, 'x') : "Hello, World! 12345";
    }

    [Benchmark]
    public async Task TypeText()
    {
        var clock = Stopwatch.StartNew();
        await _kvm.Keyboard.TypeAsync(_text);
        _elapsed += clock.Elapsed;
        _characters += _text.Length;
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        var achieved = _characters / _elapsed.TotalSeconds;
        var stopAndWait = Baud / (10.0 * 2 * (14 + 7));
        var oneWay = Baud / (10.0 * 2 * 14);
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"typing @ {Baud} baud: {achieved:0.0} chars/s; stop-and-wait wire limit {stopAndWait:0.0} chars/s -> {achieved / stopAndWait:P1}; one-way TX limit {oneWay:0.0} chars/s -> {achieved / oneWay:P1}");
        Console.WriteLine(line);
        var folder = Path.Combine(AppContext.BaseDirectory, "typing-throughput");
        Directory.CreateDirectory(folder);
        await File.AppendAllTextAsync(Path.Combine(folder, "results.txt"), line + Environment.NewLine);
        await _kvm.DisposeAsync();
        await _server.DisposeAsync();
        if (!_target.Text.StartsWith(_text, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The emulator's target did not receive the typed text.");
        }
    }
}
