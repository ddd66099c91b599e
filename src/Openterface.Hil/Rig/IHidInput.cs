using Openterface.Hil.Protocol;

namespace Openterface.Hil;

/// <summary>
/// The Mini-KVM's keyboard (production: <see cref="MiniKvmPorts"/> over Device's HidKeyboard). Chords and layouts
/// are validated by the operator before they get here; any exception is treated as a rig (link) fault.
/// </summary>
internal interface IKeyboardPort
{
    /// <summary>Presses, holds or releases a chord.</summary>
    Task KeyAsync(string chord, KeyAction action, CancellationToken cancellationToken);

    Task TypeAsync(string text, KeyboardLayout? layout, bool secret, CancellationToken cancellationToken);

    /// <summary>Presses and releases media keys (command 03, report 02).</summary>
    Task MediaAsync(MediaKeys keys, CancellationToken cancellationToken);

    /// <summary>Presses and releases ACPI keys (command 03, report 01).</summary>
    Task AcpiAsync(AcpiKeys keys, CancellationToken cancellationToken);

    /// <summary>Releases every key (sends an empty report). Must be safe to call at any time.</summary>
    Task ReleaseAllAsync(CancellationToken cancellationToken);
}

/// <summary>The Mini-KVM's mouse: absolute in CH9329 device units (0..4096 across the whole target screen), or relative.</summary>
internal interface IMousePort
{
    Task MoveToAsync(int x, int y, CancellationToken cancellationToken);

    /// <summary>Relative move in HID counts (dy positive = down); the target's pointer speed decides the pixels.</summary>
    Task MoveByAsync(int dx, int dy, CancellationToken cancellationToken);

    /// <summary>Clicks, holds or releases a button.</summary>
    Task ButtonAsync(MouseButton button, KeyAction action, CancellationToken cancellationToken);

    /// <summary>Wheel ticks; positive scrolls up.</summary>
    Task ScrollAsync(int ticks, CancellationToken cancellationToken);
}

/// <summary>The Mini-KVM's switchable USB-A port.</summary>
internal interface IUsbSwitchPort
{
    Task SwitchAsync(UsbSwitchPosition position, CancellationToken cancellationToken);

    Task<UsbSwitchPosition> GetPositionAsync(CancellationToken cancellationToken);
}

/// <summary>What a key or button action does.</summary>
internal enum KeyAction
{
    Press,
    Down,
    Up,
}
