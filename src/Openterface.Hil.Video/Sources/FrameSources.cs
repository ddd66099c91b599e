namespace Openterface.Hil.Video;

/// <summary>Opens a frame source from a capture URI (the same syntax in hil.json, the environment and the CLI).</summary>
public static class FrameSources
{
    /// <summary>The URIs <see cref="OpenAsync"/> understands, for errors and help texts.</summary>
    public const string SupportedUris =
        "'auto' (the Openterface capture device, found by USB id), '/dev/videoN' (a V4L2 device), " +
        "'http://host:port/stream' (MJPEG over HTTP: ustreamer or 'hil sim'), 'file:///dir' (replay of PNG/JPEG " +
        "frames; '?fps=N&loop=false'), 'qmp:///path/qmp.sock' (a QEMU display)";

    /// <summary>Opens <paramref name="uri"/>; the caller owns (and disposes) the returned source.</summary>
    public static async Task<IFrameSource> OpenAsync(
        string uri, FrameSourceOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        options ??= new FrameSourceOptions();
        uri = uri.Trim();
        if (uri == "auto")
        {
            return OpenDevice(CaptureDeviceFinder.FindOpenterface(options.SysfsRoot, options.DeviceRoot), options);
        }

        if (uri.StartsWith('/'))
        {
            CaptureDeviceFinder.EnsureCaptureDevice(uri, options.SysfsRoot);
            return OpenDevice(uri, options);
        }

        if (!System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
        {
            throw Unknown(uri, "it is not a URI or an absolute device path");
        }

        switch (parsed.Scheme)
        {
            case "http" or "https":
                return await HttpMjpegSource.OpenAsync(parsed, options, cancellationToken).ConfigureAwait(false);
            case "file":
                return ImageFolderSource.Open(parsed, options);
            case "v4l2":
                CaptureDeviceFinder.EnsureCaptureDevice(parsed.LocalPath, options.SysfsRoot);
                return OpenDevice(parsed.LocalPath, options);
            default:
                return await OpenOtherAsync(parsed, uri, options, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Schemes served outside this folder: the QEMU display (Video/Qemu).</summary>
    private static Task<IFrameSource> OpenOtherAsync(
        Uri parsed, string uri, FrameSourceOptions options, CancellationToken cancellationToken) =>
        parsed.Scheme == "qmp"
            ? QmpFrameSource.OpenAsync(parsed, options.TimeProvider, cancellationToken)
            : throw Unknown(uri, $"scheme '{parsed.Scheme}' is not supported");

    private static V4l2FrameSource OpenDevice(string device, FrameSourceOptions options)
    {
        var capture = OpenCvCapture.Open(device, options);
        var recovery = CaptureDeviceFinder.UsbPortOf(device, options.SysfsRoot) is { } port
            ? new CaptureRecovery(port, () => CaptureDeviceFinder.FindByUsbPort(options.SysfsRoot, options.DeviceRoot, port), path => OpenCvCapture.Open(path, options))
            : null;
        var source = new V4l2FrameSource(capture, device, options, recovery);
        VideoLog.Create(options.LoggerFactory).Opened(device, capture.Describe());
        return source;
    }

    private static VideoException Unknown(string uri, string why) =>
        new($"Unknown video URI '{uri}': {why}. Supported: {SupportedUris}.");
}
