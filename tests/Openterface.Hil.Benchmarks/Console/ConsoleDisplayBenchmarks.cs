using BenchmarkDotNet.Attributes;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.Benchmarks.VirtualConsole;

/// <summary>
/// What one console-target frame costs: a still screen (a copy of the cached frame), one typed character
/// (two cells redrawn) and a setup tab switch (a full redraw), at 720x400 and scaled to 1920x1080.
/// </summary>
[MemoryDiagnoser]
public class ConsoleDisplayBenchmarks
{
    private ConsoleTarget _target = null!;
    private ConsoleDisplay _display = null!;
    private bool _flip;

    [Params(false, true)]
    public bool Scaled { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _target = new ConsoleTarget(new ConsoleTargetOptions
        {
            BlinkingCursor = false,
            PostDuration = TimeSpan.FromHours(1),
            OutputSize = Scaled ? new System.Drawing.Size(1920, 1080) : null,
        });
        _display = (ConsoleDisplay)_target.Display;
        Press(0x3B);
        _display.Capture().Dispose();
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _target.DisposeAsync();

    [Benchmark(Baseline = true)]
    public void Still_screen() => _display.Capture().Dispose();

    [Benchmark]
    public void Value_change_redraws_a_few_cells()
    {
        Press(_flip ? (byte)0x57 : (byte)0x56);
        _flip = !_flip;
        _display.Capture().Dispose();
    }

    [Benchmark]
    public void Tab_switch_redraws_the_screen()
    {
        Press(_flip ? (byte)0x4F : (byte)0x50);
        _flip = !_flip;
        _display.Capture().Dispose();
    }

    private void Press(byte usage)
    {
        _ = _target.KeyboardStateAsync(0, new[] { usage }).IsCompleted;
        _ = _target.KeyboardStateAsync(0, ReadOnlyMemory<byte>.Empty).IsCompleted;
    }
}
