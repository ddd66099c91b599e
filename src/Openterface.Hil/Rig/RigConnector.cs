using Openterface.Hil.Device;
using Openterface.Hil.Imaging;
using Openterface.Hil.Video;

namespace Openterface.Hil;

/// <summary>Opens a real (or simulated, through its URIs) rig: the Mini-KVM's serial link, the capture stream, needles, OCR.</summary>
internal sealed class RigConnector : IRigConnector
{
    public static RigConnector Instance { get; } = new();

    public async Task<RigParts> ConnectAsync(RigEndpoints endpoints, HilOptions options, CancellationToken cancellationToken)
    {
        var lifetime = new RigLifetime();
        try
        {
            var needles = endpoints.NeedlesFolder is { } folder ? NeedleSet.LoadFolder(folder) : null;
            var kvm = await MiniKvm.ConnectAsync(
                endpoints.SerialUri,
                new MiniKvmOptions { TimeProvider = options.TimeProvider, LoggerFactory = options.LoggerFactory },
                cancellationToken).ConfigureAwait(false);
            lifetime.Add(kvm);

            var source = await FrameSources.OpenAsync(
                VideoUriFor(endpoints.VideoUri, kvm.Discovered), new FrameSourceOptions { TimeProvider = options.TimeProvider }, cancellationToken).ConfigureAwait(false);
            var video = LiveVideo.Start(source, new LiveVideoOptions { TimeProvider = options.TimeProvider, LoggerFactory = options.LoggerFactory });
            lifetime.Add(video);

            var matcher = new NeedleMatcher();
            lifetime.Add(matcher);
            var recognizer = new TextRecognizer(options.Ocr);
            lifetime.Add(recognizer);

            var ports = new MiniKvmPorts(kvm);
            var power = endpoints.PowerSwitch;
            if (power is null && PowerUris.Open(endpoints.PowerUri, options.TimeProvider) is { } opened)
            {
                // Opened from a URI, so the rig owns it: a QMP switch left connected blocks the next session's.
                power = opened;
                if (opened is IAsyncDisposable owned)
                {
                    lifetime.Add(owned);
                }
            }
            return new RigParts(
                ports, ports, ports, ports, new LiveVideoFeed(video), new ImagingVision(matcher, recognizer), needles, power, video, lifetime);
        }
        catch
        {
            await lifetime.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Video "auto" with a discovered Mini-KVM is that unit's own capture node: with two units on the host, the first
    /// capture node found may belong to the other one. Any other URI (or no discovery: tcp://, a simulator) is kept.
    /// </summary>
    internal static string VideoUriFor(string videoUri, DiscoveredKvm? discovered) =>
        string.Equals(videoUri, "auto", StringComparison.OrdinalIgnoreCase) && discovered?.VideoPath is { } paired ? paired : videoUri;
}
