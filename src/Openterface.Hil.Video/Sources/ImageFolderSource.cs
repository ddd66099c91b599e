using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video;

/// <summary>
/// Replays recorded frames at a fixed rate: a folder of PNG/JPEG files (in name order) or one .mjpeg file of
/// concatenated JPEGs (what <c>ffmpeg -f mjpeg</c> and <c>curl</c> of a snapshot loop write).
/// </summary>
internal sealed class ImageFolderSource : IFrameSource, IJpegFrameSource
{
    private readonly IReadOnlyList<string>? _files;
    private readonly IReadOnlyList<(long Offset, int Length)>? _parts;
    private readonly byte[]? _mjpeg;
    private readonly FrameStamper _stamper;
    private readonly TimeSpan _period;
    private readonly bool _loop;
    private readonly JpegBuffer _jpeg = new();
    private readonly long _startedAt;
    private long _index;

    private ImageFolderSource(string uri, string location, FrameSourceOptions options, double fps, bool loop)
    {
        Uri = uri;
        _stamper = new FrameStamper(options.TimeProvider, uri);
        _period = TimeSpan.FromSeconds(1 / fps);
        _loop = loop;
        if (Directory.Exists(location))
        {
            _files = Directory.GetFiles(location)
                .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".png" or ".jpg" or ".jpeg")
                .Order(StringComparer.Ordinal)
                .ToArray();
        }
        else
        {
            _mjpeg = File.ReadAllBytes(location);
            _parts = MjpegFile.Split(_mjpeg);
        }

        if (Count == 0)
        {
            throw new VideoException($"'{location}' holds no frames. Put PNG or JPEG files in the folder (or pass an .mjpeg file).");
        }

        _startedAt = options.TimeProvider.GetTimestamp();
    }

    public string Uri { get; }

    public ReadOnlySpan<byte> LastJpeg => _jpeg.Span;

    private int Count => _files?.Count ?? _parts!.Count;

    internal static ImageFolderSource Open(Uri uri, FrameSourceOptions options)
    {
        var location = uri.LocalPath;
        if (!Directory.Exists(location) && !File.Exists(location))
        {
            throw new VideoException(
                $"Replay source '{location}' does not exist. Use file:///path/to/folder (PNG/JPEG frames) or an .mjpeg file.");
        }

        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        var fps = double.TryParse(query["fps"], System.Globalization.CultureInfo.InvariantCulture, out var f) && f > 0
            ? f
            : options.ReplayFramesPerSecond;
        var loop = bool.TryParse(query["loop"], out var l) ? l : options.Loop;
        return new ImageFolderSource(uri.ToString(), location, options, fps, loop);
    }

    public async ValueTask<Frame> ReadFrameAsync(CancellationToken cancellationToken = default)
    {
        if (_index >= Count && !_loop)
        {
            throw new VideoException($"Replay '{Uri}' reached its end after {Count} frames. Add '?loop=true' to repeat it.");
        }

        var time = _stamper.TimeProvider;
        var due = TimeSpan.FromTicks(_period.Ticks * _index) - time.GetElapsedTime(_startedAt);
        if (due > TimeSpan.Zero)
        {
            await Task.Delay(due, time, cancellationToken).ConfigureAwait(false);
        }

        var item = (int)(_index++ % Count);
        var arrivedAt = _stamper.Now();
        if (_parts is not null)
        {
            var (offset, length) = _parts[item];
            _jpeg.CopyFrom(_mjpeg.AsSpan((int)offset, length));
            return _stamper.Stamp(JpegCodec.Decode(_jpeg.Span, Uri), arrivedAt);
        }

        var file = _files![item];
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        if (JpegInfo.IsJpeg(bytes))
        {
            _jpeg.CopyFrom(bytes);
            return _stamper.Stamp(JpegCodec.Decode(_jpeg.Span, file), arrivedAt);
        }

        _jpeg.Clear();
        return _stamper.Stamp(ImageCodec.Decode(bytes, PixelFormat.Bgr24, file), arrivedAt);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
