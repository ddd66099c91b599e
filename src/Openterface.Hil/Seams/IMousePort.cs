namespace Openterface.Hil;

/// <summary>
/// Seam over the Mini-KVM's absolute HID mouse (adapter: Openterface.Hil.Device.HidMouse). Positions are CH9329
/// device units, 0..4096 across the whole target screen.
/// </summary>
internal interface IMousePort
{
    Task MoveToAsync(int x, int y, CancellationToken cancellationToken);

    Task ClickAsync(MouseButton button, CancellationToken cancellationToken);

    Task DownAsync(MouseButton button, CancellationToken cancellationToken);

    Task UpAsync(MouseButton button, CancellationToken cancellationToken);

    /// <summary>Wheel ticks; positive scrolls up.</summary>
    Task ScrollAsync(int ticks, CancellationToken cancellationToken);
}
