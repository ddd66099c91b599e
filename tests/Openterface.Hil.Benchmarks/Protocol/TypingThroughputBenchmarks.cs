using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Openterface.Hil.Device;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.Benchmarks;

/// <summary>
/// Typing through MiniKvm over a real pseudo-terminal into the CH9329 emulator, with the emulator pacing both
/// directions like a full-duplex UART at the chip's baud (10 bits per byte; replies leave through a TX queue drained
/// at the baud rate). Each character is two keyboard reports (press, release), each 14 bytes out and a 7-byte ACK
/// back. <see cref="Window"/> reports may be unacknowledged (1 = stop-and-wait). The goal figure is the achieved rate
/// against the one-way TX limit, baud / (10 bits x 2 reports x 14 bytes) characters per second; the stop-and-wait
/// limit (2 x 21 bytes per character) is printed beside it for reference.
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

    [Params(1, 4, 8)]
    public int Window { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _target = new RecordingTarget();
        var emulator = new Ch9329Emulator(_target, new Ch9329EmulatorOptions { BaudRate = Baud });
        _server = new PtyCh9329Server(emulator, throttleToWireSpeed: true);
        _kvm = await MiniKvm.ConnectAsync(_server.Path, new MiniKvmOptions { BaudRate = Baud, Pacing = KeyPacing.None with { Window = Window }, HeartbeatInterval = TimeSpan.Zero });
        _text = Baud >= 115200 ? "The quick brown fox jumps over the lazy dog 0123456789 ".PadRight(200, 'x') : "Hello, World! 12345 The quick brown fox jumps over the dog.";
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
            $"typing @ {Baud} baud, window {Window}: {achieved:0.0} chars/s = {achieved / oneWay:P1} of the one-way TX limit ({oneWay:0.0} chars/s); stop-and-wait limit {stopAndWait:0.0} chars/s -> {achieved / stopAndWait:P1}");
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
