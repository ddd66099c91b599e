using System.Drawing;

namespace Openterface.Hil.Tests.Fakes;

/// <summary>Everything a test session needs: clock, video, vision, input, listener, captured logs.</summary>
internal sealed class FakeRig : IAsyncDisposable
{
    public FakeRig(Size? size = null)
    {
        Clock = new FakeTimeProvider();
        Shades = new NeedleShades();
        Video = new FakeVideo(Clock, Shades, size ?? new Size(1024, 768));
        Vision = new FakeVision(Video, Shades);
        Input = new FakeInput(Video);
    }

    public FakeTimeProvider Clock { get; }

    public NeedleShades Shades { get; }

    public FakeVideo Video { get; }

    public FakeVision Vision { get; }

    public FakeInput Input { get; }

    public RecordingListener Steps { get; } = new();

    public CapturingLoggerFactory Logs { get; } = new();

    public bool Disposed { get; private set; }

    /// <summary>Declares a needle the fake needle set knows: recorded area and threshold.</summary>
    public FakeRig Needle(string name, int x, int y, double threshold = 0.95, int width = 40, int height = 20)
    {
        Vision.Needles[name] = (new Rectangle(x, y, width, height), threshold);
        return this;
    }

    public RigParts Parts(bool withPower = true) =>
        new(Input, Input, Input, Input, Video, Vision, Vision, Vision, withPower ? Input : null, this);

    public HilSession Session(Func<HilOptions, HilOptions>? configure = null, bool withPower = true)
    {
        var options = new HilOptions
        {
            Serial = "fake://serial",
            Video = "fake://video",
            TimeProvider = Clock,
            LoggerFactory = Logs,
            StepListeners = [Steps],
        };
        return new HilSession(Parts(withPower), configure?.Invoke(options) ?? options);
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        Video.Dispose();
        return ValueTask.CompletedTask;
    }
}
