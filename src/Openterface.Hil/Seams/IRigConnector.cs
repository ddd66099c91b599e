namespace Openterface.Hil;

/// <summary>
/// Opens the real rig behind a session (adapter: MiniKvm.ConnectAsync + FrameSources.OpenAsync + LiveVideo.Start +
/// NeedleSet.LoadFolder + NeedleMatcher + TextRecognizer + FrameDiff). Registered once in
/// <see cref="RigConnectors.Current"/>.
/// </summary>
internal interface IRigConnector
{
    Task<RigParts> ConnectAsync(RigEndpoints endpoints, HilOptions options, CancellationToken cancellationToken);
}

/// <summary>Where the rig is: serial and video URIs, the power switch (already resolved or a URI), the needle folder.</summary>
internal sealed record RigEndpoints(string SerialUri, string VideoUri, IPowerDriver? PowerSwitch, string? PowerUri, string? NeedlesFolder);

/// <summary>Everything a session drives. <see cref="Lifetime"/> closes the device, video and anything else opened.</summary>
internal sealed record RigParts(
    IKeyboardPort Keyboard,
    IMousePort Mouse,
    IHidLink Link,
    IUsbSwitchPort Usb,
    IVideoFeed Video,
    INeedleVision Needles,
    ITextVision Text,
    IScreenDiff Diff,
    IPowerDriver? Power,
    IAsyncDisposable? Lifetime);

/// <summary>The registration point for the production connector (set by the Device/Video/Imaging adapters).</summary>
internal static class RigConnectors
{
    public static IRigConnector? Current { get; set; }
}
