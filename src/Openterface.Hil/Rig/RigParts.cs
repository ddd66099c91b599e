using Openterface.Hil.Device;
using Openterface.Hil.Imaging;
using Openterface.Hil.Video;

namespace Openterface.Hil;

/// <summary>
/// Everything a session drives. <see cref="Needles"/> is null when no needle folder is configured; <see cref="Live"/>
/// is the real capture (for video export) and null with a fake feed. <see cref="Lifetime"/> closes what was opened.
/// </summary>
internal sealed record RigParts(
    IKeyboardPort Keyboard,
    IMousePort Mouse,
    IUsbSwitchPort Usb,
    IHidLink Link,
    IVideoFeed Video,
    IVision Vision,
    NeedleSet? Needles,
    IPowerSwitch? Power,
    LiveVideo? Live,
    IAsyncDisposable? Lifetime);

/// <summary>Where the rig is: serial and video URIs, the power switch (already resolved or a URI), the needle folder.</summary>
internal sealed record RigEndpoints(string SerialUri, string VideoUri, IPowerSwitch? PowerSwitch, string? PowerUri, string? NeedlesFolder);

/// <summary>Opens the rig behind a session; <see cref="RigConnector"/> in production, a fake rig in tests.</summary>
internal interface IRigConnector
{
    Task<RigParts> ConnectAsync(RigEndpoints endpoints, HilOptions options, CancellationToken cancellationToken);
}
