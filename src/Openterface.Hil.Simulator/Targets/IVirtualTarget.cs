using Openterface.Hil.Video;

namespace Openterface.Hil.Simulator;

/// <summary>
/// A virtual target computer behind the virtual Mini-KVM: it receives the HID reports the emulated CH9329 would put
/// on the target's USB, shows a display, reports its keyboard LEDs and has power and a switchable USB-A port.
/// Implemented by the QEMU target and the console target; driven by the CH9329 emulator.
/// </summary>
public interface IVirtualTarget : IAsyncDisposable
{
    /// <summary>"qemu" or "console".</summary>
    string Name { get; }

    /// <summary>The target's screen as the capture card would see it.</summary>
    IFrameSource Display { get; }

    /// <summary>Whether the target's USB host has enumerated the emulated keyboard/mouse (GET_INFO byte 1).</summary>
    bool UsbEnumerated { get; }

    /// <summary>Lock LEDs the target set: bit0 Num, bit1 Caps, bit2 Scroll (GET_INFO byte 2).</summary>
    byte Leds { get; }

    /// <summary>Raised when <see cref="Leds"/> changes (the emulator may push an unsolicited GET_INFO).</summary>
    event EventHandler<byte>? LedsChanged;

    /// <summary>
    /// The full keyboard state after a CH9329 keyboard report: modifier bits (bit0 LCtrl .. bit7 RGUI) and the
    /// pressed usages (page 0x07, at most 6, no modifiers E0..E7 here: the emulator folds them into the bits).
    /// </summary>
    ValueTask KeyboardStateAsync(byte modifiers, ReadOnlyMemory<byte> pressedUsages, CancellationToken cancellationToken = default);

    /// <summary>Absolute pointer in CH9329 units (0..4096 over the whole screen), buttons bit0 L/bit1 R/bit2 M, wheel ticks.</summary>
    ValueTask PointerAbsoluteAsync(int x, int y, byte buttons, sbyte wheel, CancellationToken cancellationToken = default);

    /// <summary>Relative pointer motion (dy positive = down).</summary>
    ValueTask PointerRelativeAsync(sbyte dx, sbyte dy, byte buttons, sbyte wheel, CancellationToken cancellationToken = default);

    /// <summary>Power: on (cold boot), off, reset. Idempotent where it makes sense.</summary>
    ValueTask PowerAsync(VirtualPowerAction action, CancellationToken cancellationToken = default);

    bool PoweredOn { get; }

    /// <summary>The switchable USB-A port: true = plugged into the target, false = the host side.</summary>
    ValueTask SetUsbSwitchAsync(bool toTarget, CancellationToken cancellationToken = default);

    bool UsbSwitchToTarget { get; }
}

public enum VirtualPowerAction
{
    On,
    Off,
    Reset,
}
