using System.Text.Json.Nodes;
using Openterface.Hil.Video;

namespace Openterface.Hil.Simulator;

/// <summary>Keyboard and pointer: full states in, one paced QMP input event per transition out.</summary>
public sealed partial class QemuTarget
{
    private const byte NumLockUsage = 0x53;
    private const byte CapsLockUsage = 0x39;
    private const byte ScrollLockUsage = 0x47;
    private readonly SemaphoreSlim _input = new(1, 1);
    private byte _modifiers;
    private byte[] _usages = [];
    private byte _buttons;
    private long _lastInput;
    private int _leds;

    public event EventHandler<byte>? LedsChanged;

    /// <summary>
    /// Num (bit0), Caps (bit1) and Scroll (bit2) lock. QEMU 7.2 has no QMP query for the guest's keyboard LEDs
    /// (only its VNC server learns them), so they are inferred: each Num/Caps/Scroll Lock press while powered on
    /// toggles its bit, and power-off, reset and a guest power-off clear them. A guest that sets LEDs by itself
    /// (numlock on at boot) is not seen.
    /// </summary>
    public byte Leds => (byte)Volatile.Read(ref _leds);

    public async ValueTask KeyboardStateAsync(byte modifiers, ReadOnlyMemory<byte> pressedUsages, CancellationToken cancellationToken = default)
    {
        await _input.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transitions = KeyTransitions.Between(_modifiers, _usages, modifiers, pressedUsages.Span);
            _modifiers = modifiers;
            _usages = pressedUsages.ToArray();
            if (Client is not { } client || !PoweredOn)
            {
                return;
            }

            foreach (var (key, down, usage) in transitions)
            {
                await SendAsync(client, PointerEvents.Key(key, down), cancellationToken).ConfigureAwait(false);
                if (down)
                {
                    ToggleLed(usage);
                }
            }
        }
        finally
        {
            _input.Release();
        }
    }

    public async ValueTask PointerAbsoluteAsync(int x, int y, byte buttons, sbyte wheel, CancellationToken cancellationToken = default)
    {
        await _input.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await PointerAsync(PointerEvents.Absolute(x, y), buttons, wheel, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _input.Release();
        }
    }

    public async ValueTask PointerRelativeAsync(sbyte dx, sbyte dy, byte buttons, sbyte wheel, CancellationToken cancellationToken = default)
    {
        await _input.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var motion = dx != 0 || dy != 0 ? PointerEvents.Relative(dx, dy) : null;
            await PointerAsync(motion, buttons, wheel, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _input.Release();
        }
    }

    private async Task PointerAsync(JsonArray? motion, byte buttons, sbyte wheel, CancellationToken cancellationToken)
    {
        var previous = _buttons;
        _buttons = buttons;
        if (Client is not { } client || !PoweredOn)
        {
            return;
        }

        if (motion is not null)
        {
            await SendAsync(client, motion, cancellationToken).ConfigureAwait(false);
        }

        foreach (var events in PointerEvents.Buttons(previous, buttons).Concat(PointerEvents.Wheel(wheel)))
        {
            await SendAsync(client, events, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One input-send-event per call (batching lost characters), at least InputEventInterval apart.</summary>
    private async Task SendAsync(QmpClient client, JsonArray events, CancellationToken cancellationToken)
    {
        if (_lastInput != 0)
        {
            var gap = _options.InputEventInterval - _timeProvider.GetElapsedTime(_lastInput);
            if (gap > TimeSpan.Zero)
            {
                await Task.Delay(gap, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }

        await client.ExecuteAsync("input-send-event", new JsonObject { ["events"] = events }, cancellationToken).ConfigureAwait(false);
        _lastInput = _timeProvider.GetTimestamp();
    }

    private void ToggleLed(byte usage)
    {
        var bit = usage switch
        {
            NumLockUsage => 1,
            CapsLockUsage => 2,
            ScrollLockUsage => 4,
            _ => 0,
        };
        if (bit != 0)
        {
            SetLeds((byte)(Leds ^ bit));
        }
    }

    private void SetLeds(byte leds)
    {
        if (Interlocked.Exchange(ref _leds, leds) != leds)
        {
            LedsChanged?.Invoke(this, leds);
        }
    }

    private void ClearInputState()
    {
        _modifiers = 0;
        _usages = [];
        _buttons = 0;
    }
}
