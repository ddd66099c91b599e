using Openterface.Hil.Device;
using Openterface.Hil.Protocol;

namespace Openterface.Hil;

/// <summary>The operator's input and link ports over a real <see cref="MiniKvm"/>.</summary>
internal sealed class MiniKvmPorts(MiniKvm kvm) : IKeyboardPort, IMousePort, IUsbSwitchPort, IHidLink
{
    public IReadOnlyList<string> Transcript => kvm.Transcript;

    public Task KeyAsync(string chord, KeyAction action, CancellationToken cancellationToken) => action switch
    {
        KeyAction.Down => kvm.Keyboard.DownAsync(chord, cancellationToken),
        KeyAction.Up => kvm.Keyboard.UpAsync(chord, cancellationToken),
        _ => kvm.Keyboard.PressAsync(chord, cancellationToken),
    };

    public Task TypeAsync(string text, KeyboardLayout? layout, bool secret, CancellationToken cancellationToken) =>
        kvm.Keyboard.TypeAsync(text, layout, secret, cancellationToken);

    public Task MediaAsync(MediaKeys keys, CancellationToken cancellationToken) => kvm.Media.PressAsync(keys, cancellationToken);

    public Task AcpiAsync(AcpiKeys keys, CancellationToken cancellationToken) => kvm.Media.PressAcpiAsync(keys, cancellationToken);

    public Task ReleaseAllAsync(CancellationToken cancellationToken) => kvm.Keyboard.ReleaseAllAsync(cancellationToken);

    public Task MoveToAsync(int x, int y, CancellationToken cancellationToken) => kvm.Mouse.MoveToAsync(x, y, cancellationToken);

    public Task MoveByAsync(int dx, int dy, CancellationToken cancellationToken) => kvm.Mouse.MoveByAsync(dx, dy, cancellationToken);

    public Task ButtonAsync(MouseButton button, KeyAction action, CancellationToken cancellationToken) => action switch
    {
        KeyAction.Down => kvm.Mouse.DownAsync(button, cancellationToken),
        KeyAction.Up => kvm.Mouse.UpAsync(button, cancellationToken),
        _ => kvm.Mouse.ClickAsync(button, cancellationToken),
    };

    public Task ScrollAsync(int ticks, CancellationToken cancellationToken) => kvm.Mouse.ScrollAsync(ticks, cancellationToken);

    public Task SwitchAsync(UsbSwitchPosition position, CancellationToken cancellationToken) =>
        position == UsbSwitchPosition.Target ? kvm.Usb.SwitchToTargetAsync(cancellationToken) : kvm.Usb.SwitchToHostAsync(cancellationToken);

    public Task<UsbSwitchPosition> GetPositionAsync(CancellationToken cancellationToken) => kvm.Usb.GetPositionAsync(cancellationToken);

    public Task<ChipInfo> GetInfoAsync(CancellationToken cancellationToken) => kvm.GetInfoAsync(cancellationToken);

    public Task WaitUntilReadyAsync(TimeSpan timeout, bool verifyCapsLockRoundTrip, CancellationToken cancellationToken) =>
        kvm.WaitUntilHidReadyAsync(timeout, verifyCapsLockRoundTrip, cancellationToken);
}
