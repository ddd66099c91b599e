using System.Diagnostics;
using System.Threading.Channels;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video.Tests;

/// <summary>A LiveVideo on a scripted source and a fake clock, with its health events collected.</summary>
internal sealed class LiveVideoHarness : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Channel<SignalHealthEvent> _events = Channel.CreateUnbounded<SignalHealthEvent>();

    public LiveVideoHarness(SignalHealthOptions? health = null)
    {
        Source = new ScriptedSource(Time);
        Video = LiveVideo.Start(Source, new LiveVideoOptions { TimeProvider = Time, Health = health ?? new SignalHealthOptions() });
        Video.HealthChanged += (_, e) =>
        {
            // Keep the evidence frame's size only: the frame is disposed after the handler returns.
            _events.Writer.TryWrite(e with { LastFrame = null });
            LastEventFrameSize = e.LastFrame?.Size;
        };
    }

    /// <summary>Timestamp 0 of the video tests' manual clocks (which start 100 s in).</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    public ManualTimeProvider Time { get; } = new(Epoch, TimeSpan.FromSeconds(100));

    public ScriptedSource Source { get; }

    public LiveVideo Video { get; }

    public System.Drawing.Size? LastEventFrameSize { get; private set; }

    /// <summary>Pushes a frame and waits until the live video has published it.</summary>
    public async Task<long> PushAsync(Frame frame)
    {
        var sequence = Source.Pushed + 1;
        var stamp = Source.Push(frame);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            using (var latest = Video.TryGetLatest())
            {
                if (latest?.Sequence >= sequence)
                {
                    return stamp;
                }
            }

            if (watch.Elapsed > Patience)
            {
                Assert.Fail("the frame was not published");
            }

            await Task.Delay(2);
        }
    }

    public async Task<SignalHealthEvent> NextEventAsync() =>
        await _events.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    public bool HasEvent => _events.Reader.Count > 0;

    /// <summary>Advances the clock in small steps until an event arrives (the pump may be between awaits).</summary>
    public async Task<SignalHealthEvent> AdvanceUntilEventAsync(TimeSpan step)
    {
        var watch = Stopwatch.StartNew();
        while (!HasEvent)
        {
            if (watch.Elapsed > Patience)
            {
                Assert.Fail("no health event");
            }

            Time.Advance(step);
            await Task.Delay(5);
        }

        return await NextEventAsync();
    }

    public async ValueTask DisposeAsync() => await Video.DisposeAsync();
}
