using System.Drawing;

namespace Openterface.Hil.Tests.Fakes;

/// <summary>
/// A fake capture at a fixed frame interval on the fake clock. Waiting for a frame advances the clock to the next
/// capture (firing scene changes and deadlines on the way), so waits run deterministically without sleeping.
/// </summary>
internal sealed class FakeVideo : IVideoFeed, IDisposable
{
    private readonly ManualTimeProvider _clock;
    private readonly NeedleShades _shades;
    private readonly Dictionary<long, Scene> _shown = [];
    private Frame? _latest;
    private long _sequence;

    public FakeVideo(ManualTimeProvider clock, NeedleShades shades, Size size)
    {
        _clock = clock;
        _shades = shades;
        Size = size;
        Current = new Scene("blank");
    }

    public Size Size { get; set; }

    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(100);

    public Scene Current { get; private set; }

    /// <summary>When true, time passes but no frames are captured (a stalled capture).</summary>
    public bool Stalled { get; set; }

    /// <summary>Thrown from the next waits (e.g. a VideoException with IsRigFault).</summary>
    public Exception? Fault { get; set; }

    public int InputNotes { get; private set; }

    public long LastSequence => _sequence;

    public void Show(Scene scene) => Current = scene;

    /// <summary>Shows <paramref name="scene"/> after <paramref name="delay"/> of fake time.</summary>
    public void ShowAfter(TimeSpan delay, Scene scene)
    {
        ITimer? timer = null;
        timer = _clock.CreateTimer(_ => { Show(scene); timer?.Dispose(); }, null, delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Captures one frame of the current scene now.</summary>
    public Frame Emit()
    {
        var frame = Render(Current).Stamped(++_sequence, _clock.GetTimestamp(), _clock.GetUtcNow(), "fake://video");
        _shown[frame.Sequence] = Current;
        _latest?.Dispose();
        _latest = frame;
        return frame;
    }

    public Scene SceneOf(Frame frame) => _shown[frame.Sequence];

    public Scene SceneAt(long sequence) => _shown[sequence];

    public Frame? TryGetLatest() => _latest?.Share();

    public ValueTask<Frame> WaitForFrameAsync(long capturedAfterTimestamp, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Fault is not null)
            {
                throw Fault;
            }

            if (_latest is not null && _latest.Timestamp > capturedAfterTimestamp)
            {
                return ValueTask.FromResult(_latest.Share());
            }

            var now = _clock.GetTimestamp();
            var next = ((now / Interval.Ticks) + 1) * Interval.Ticks;
            _clock.Advance(TimeSpan.FromTicks(next - now));
            if (!Stalled && !cancellationToken.IsCancellationRequested)
            {
                Emit();
            }
        }
    }

    public void NoteInputSent() => InputNotes++;

    public void Dispose() => _latest?.Dispose();

    private Frame Render(Scene scene)
    {
        var pixels = new byte[Size.Width * Size.Height];
        var picture = scene.Picture ?? new Rectangle(Point.Empty, Size);
        Fill(pixels, picture, scene.Shade);
        foreach (var (bounds, shade) in scene.Boxes)
        {
            Fill(pixels, bounds, shade);
        }
        foreach (var (needle, bounds, score) in scene.Needles)
        {
            Fill(pixels, bounds, _shades.For(needle, score));
        }

        return Frame.FromPixels(pixels, Size.Width, Size.Height, PixelFormat.Gray8);
    }

    private void Fill(byte[] pixels, Rectangle area, byte shade)
    {
        area.Intersect(new Rectangle(Point.Empty, Size));
        for (var y = area.Top; y < area.Bottom; y++)
        {
            pixels.AsSpan((y * Size.Width) + area.Left, area.Width).Fill(shade);
        }
    }
}
