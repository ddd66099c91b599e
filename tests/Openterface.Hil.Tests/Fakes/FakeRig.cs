using System.Drawing;
using System.Globalization;

namespace Openterface.Hil.Tests.Fakes;

/// <summary>Everything a test session needs: clock, video, vision, input, listener, captured logs.</summary>
internal sealed class FakeRig : IAsyncDisposable
{
    private readonly TextRecognizer? _recognizer;
    private readonly NeedleMatcher? _matcher;

    /// <param name="size">Frame size.</param>
    /// <param name="realVision">Match needles with Imaging's real matcher (real pixels) instead of the shade scan.</param>
    public FakeRig(Size? size = null, bool realVision = false)
    {
        if (realVision)
        {
            _recognizer = new TextRecognizer();
            _matcher = new NeedleMatcher();
        }

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

    /// <summary>Declares a real needle cut from the current scene (for <c>realVision</c> rigs): the frame as PNG, one match area.</summary>
    public FakeRig NeedleFromScreen(string name, Rectangle area)
    {
        Video.Emit().Save(NeedleFolder.File($"{name}.png")); // the feed keeps (and disposes) the frame it emitted

        File.WriteAllText(
            NeedleFolder.File($"{name}.json"),
            string.Create(CultureInfo.InvariantCulture,
                $"{{\"tags\": [\"{name}\"], \"area\": [{{\"xpos\": {area.X}, \"ypos\": {area.Y}, \"width\": {area.Width}, \"height\": {area.Height}, \"type\": \"match\"}}], \"properties\": [\"workaround\"]}}"));
        return this;
    }

    public RigParts Parts(bool withPower = true)
    {
        var needles = Directory.EnumerateFiles(NeedleFolder.Path, "*.json").Any() ? NeedleSet.LoadFolder(NeedleFolder.Path) : null;
        IVision vision = _matcher is null ? Vision : new ImagingVision(_matcher, _recognizer!);
        return new(Input, Input, Input, Input, Video, vision, needles, withPower ? Input : null, null, this);
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
        _recognizer?.Dispose();
        _matcher?.Dispose();
        return ValueTask.CompletedTask;
    }
}
