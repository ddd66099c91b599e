using Openterface.Hil.Device;
using Openterface.Hil.Imaging;
using Openterface.Hil.Video;

namespace Openterface.Hil.Adapters;

/// <summary>
/// Opens a real (or simulated, through its URIs) rig: the Mini-KVM's serial link, the capture stream, needles, OCR.
/// The session's connector unless a test replaces <see cref="RigConnectors.Current"/>.
/// </summary>
internal sealed class ProductionRigConnector : IRigConnector
{
    public static ProductionRigConnector Instance { get; } = new();

    public async Task<RigParts> ConnectAsync(RigEndpoints endpoints, HilOptions options, CancellationToken cancellationToken)
    {
        var lifetime = new RigLifetime();
        try
        {
            var kvm = await MiniKvm.ConnectAsync(
                endpoints.SerialUri,
                new MiniKvmOptions { TimeProvider = options.TimeProvider, LoggerFactory = options.LoggerFactory },
                cancellationToken).ConfigureAwait(false);
            lifetime.Add(kvm);

            var source = await FrameSources.OpenAsync(
                endpoints.VideoUri, new FrameSourceOptions { TimeProvider = options.TimeProvider }, cancellationToken).ConfigureAwait(false);
            var video = LiveVideo.Start(source, new LiveVideoOptions { TimeProvider = options.TimeProvider, LoggerFactory = options.LoggerFactory });
            lifetime.Add(video);

            var needles = endpoints.NeedlesFolder is { } folder ? NeedleSet.LoadFolder(folder) : null;
            var matcher = new NeedleMatcher();
            lifetime.Add(matcher);
            var recognizer = new TextRecognizer(options.Ocr);
            lifetime.Add(recognizer);

            var power = endpoints.PowerSwitch ?? PowerUris.Open(endpoints.PowerUri, options.TimeProvider);
            return new RigParts(
                new KeyboardPortAdapter(kvm.Keyboard),
                new MousePortAdapter(kvm.Mouse),
                new HidLinkAdapter(kvm),
                new UsbSwitchAdapter(kvm.Usb),
                new VideoFeedAdapter(video),
                new NeedleVisionAdapter(needles, endpoints.NeedlesFolder, matcher),
                new TextVisionAdapter(recognizer),
                new ScreenDiffAdapter(),
                power,
                lifetime);
        }
        catch
        {
            await lifetime.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
