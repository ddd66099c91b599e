using System.Drawing;
using System.Globalization;

namespace Openterface.Hil.Tests.Fakes;

/// <summary>Everything a test session needs: clock, video, vision, input, listener, captured logs.</summary>
internal sealed class FakeRig : IAsyncDisposable
{
    public FakeRig(Size? size = null)
    {
        Clock = new ManualTimeProvider();
        Shades = new NeedleShades();
        Video = new FakeVideo(Clock, Shades, size ?? new Size(1024, 768));
        Vision = new FakeVision(Video, Shades);
        Input = new FakeInput(Video);
    }

    public ManualTimeProvider Clock { get; }

    public NeedleShades Shades { get; }

    public FakeVideo Video { get; }

    public FakeVision Vision { get; }

    public FakeInput Input { get; }

    /// <summary>Where <see cref="Needle"/> writes real needle files (JSON + PNG) for the session's needle set.</summary>
    public TempFolder NeedleFolder { get; } = new("hil-needles");

    public RecordingListener Steps { get; } = new();

    public CapturingLoggerFactory Logs { get; } = new();

    public bool Disposed { get; private set; }

    /// <summary>
    /// Declares a needle: a real openQA needle file (area, match level, optional "consecutive") for the session's
    /// needle set, and the recorded area and threshold the fake matcher scores against.
    /// </summary>
    public FakeRig Needle(
        string name, int x, int y, double threshold = 0.95, int width = 40, int height = 20, int? consecutive = null,
        string[]? tags = null, bool workaround = false)
    {
        Vision.Needles[name] = (new Rectangle(x, y, width, height), threshold);
        using (var image = Frame.Allocate(x + width, y + height, PixelFormat.Gray8))
        {
            image.Save(NeedleFolder.File($"{name}.png"));
        }

        var match = (threshold * 100).ToString("0.##", CultureInfo.InvariantCulture);
        var extra = consecutive is { } n ? string.Create(CultureInfo.InvariantCulture, $", \"consecutive\": {n}") : string.Empty;
        extra += workaround ? ", \"properties\": [\"workaround\"]" : string.Empty;
        var tagList = string.Join(", ", new[] { name }.Concat(tags ?? []).Select(t => $"\"{t}\""));
        File.WriteAllText(
            NeedleFolder.File($"{name}.json"),
            string.Create(CultureInfo.InvariantCulture,
                $"{{\"tags\": [{tagList}], \"area\": [{{\"xpos\": {x}, \"ypos\": {y}, \"width\": {width}, \"height\": {height}, \"type\": \"match\", \"match\": {match}}}]{extra}}}"));
        return this;
    }

    public RigParts Parts(bool withPower = true)
    {
        var needles = Directory.EnumerateFiles(NeedleFolder.Path, "*.json").Any() ? NeedleSet.LoadFolder(NeedleFolder.Path) : null;
        return new(Input, Input, Input, Input, Video, Vision, needles, withPower ? Input : null, null, this);
    }

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
        NeedleFolder.Dispose();
        return ValueTask.CompletedTask;
    }
}
