using Openterface.Hil.Device;
using Openterface.Hil.Protocol;
using DeviceMouseButton = Openterface.Hil.Protocol.MouseButton;

namespace Openterface.Hil.Adapters;

/// <summary>The operator's keyboard seam over the Mini-KVM's <see cref="HidKeyboard"/>.</summary>
internal sealed class KeyboardPortAdapter(HidKeyboard keyboard) : IKeyboardPort
{
    public Task PressAsync(string chord, CancellationToken cancellationToken) => keyboard.PressAsync(chord, cancellationToken);

    public Task DownAsync(string chord, CancellationToken cancellationToken) => keyboard.DownAsync(chord, cancellationToken);

    public Task UpAsync(string chord, CancellationToken cancellationToken) => keyboard.UpAsync(chord, cancellationToken);

    public Task TypeAsync(string text, string? layout, bool secret, CancellationToken cancellationToken) =>
        keyboard.TypeAsync(text, layout is null ? null : KeyboardLayout.FromName(layout), secret, cancellationToken);

    public Task ReleaseAllAsync(CancellationToken cancellationToken) => keyboard.ReleaseAllAsync(cancellationToken);
}

/// <summary>The operator's mouse seam over the Mini-KVM's <see cref="HidMouse"/> (device units 0..4096).</summary>
internal sealed class MousePortAdapter(HidMouse mouse) : IMousePort
{
    public Task MoveToAsync(int x, int y, CancellationToken cancellationToken) => mouse.MoveToAsync(x, y, cancellationToken);

    public Task ClickAsync(MouseButton button, CancellationToken cancellationToken) => mouse.ClickAsync(Map(button), cancellationToken);

    public Task DownAsync(MouseButton button, CancellationToken cancellationToken) => mouse.DownAsync(Map(button), cancellationToken);

    public Task UpAsync(MouseButton button, CancellationToken cancellationToken) => mouse.UpAsync(Map(button), cancellationToken);

    public Task ScrollAsync(int ticks, CancellationToken cancellationToken) => mouse.ScrollAsync(ticks, cancellationToken);

    private static DeviceMouseButton Map(MouseButton button) => button switch
    {
        MouseButton.Left => DeviceMouseButton.Left,
        MouseButton.Right => DeviceMouseButton.Right,
        MouseButton.Middle => DeviceMouseButton.Middle,
        _ => throw new ArgumentOutOfRangeException(nameof(button), button, "Left, Right or Middle expected."),
    };
}

/// <summary>The operator's link seam over <see cref="MiniKvm"/>: GET_INFO, the readiness gate, the transcript.</summary>
internal sealed class HidLinkAdapter(MiniKvm kvm) : IHidLink
{
    public IReadOnlyList<string> Transcript => kvm.Transcript;

    public async Task<HidLinkStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var info = await kvm.GetInfoAsync(cancellationToken).ConfigureAwait(false);
        return new HidLinkStatus(info.VersionText, info.TargetEnumerated, (byte)info.Leds);
    }

    public Task WaitUntilReadyAsync(TimeSpan timeout, bool verifyCapsLockRoundTrip, CancellationToken cancellationToken) =>
        kvm.WaitUntilHidReadyAsync(timeout, verifyCapsLockRoundTrip, cancellationToken);
}

/// <summary>The operator's USB-switch seam over the Mini-KVM's <see cref="UsbSwitch"/>.</summary>
internal sealed class UsbSwitchAdapter(UsbSwitch usb) : IUsbSwitchPort
{
    public Task SwitchToTargetAsync(CancellationToken cancellationToken) => usb.SwitchToTargetAsync(cancellationToken);

    public Task SwitchToHostAsync(CancellationToken cancellationToken) => usb.SwitchToHostAsync(cancellationToken);

    public async Task<UsbPosition> GetPositionAsync(CancellationToken cancellationToken) =>
        await usb.GetPositionAsync(cancellationToken).ConfigureAwait(false) == UsbSwitchPosition.Target
            ? UsbPosition.Target
            : UsbPosition.Host;
}

/// <summary>A device-layer power switch (shell command, none) seen as the operator's power driver.</summary>
internal sealed class PowerSwitchAdapter(IPowerSwitch power) : IPowerDriver, IAsyncDisposable
{
    /// <summary>Disposes the switch when it holds a connection (a QMP switch: QEMU takes one client per socket).</summary>
    public ValueTask DisposeAsync() => power is IAsyncDisposable owned ? owned.DisposeAsync() : ValueTask.CompletedTask;

    public Task PowerOnAsync(CancellationToken cancellationToken = default) => power.PowerOnAsync(cancellationToken);

    public Task PowerOffAsync(CancellationToken cancellationToken = default) => power.PowerOffAsync(cancellationToken);

    public Task ResetAsync(CancellationToken cancellationToken = default) => power.ResetAsync(cancellationToken);
}
