using Openterface.Hil.Protocol;
using Openterface.Hil.Video;

namespace Openterface.Hil.Simulator;

/// <summary>
/// A virtual target that records what reaches its USB: keyboard states (decoded back to text with a layout),
/// pointer events, USB switch and power. Lock keys toggle its LEDs like an OS does. No display. For tests and
/// benchmarks of the input path.
/// </summary>
public sealed class RecordingTarget : IVirtualTarget
{
    private readonly Lock _lock = new();
    private readonly List<(KeyModifiers Modifiers, byte[] Usages)> _states = [];
    private readonly List<string> _pointer = [];
    private readonly KeystrokeTextDecoder _decoder;
    private readonly HashSet<byte> _held = [];
    private byte _leds;

    public RecordingTarget(KeyboardLayout? layout = null)
    {
        _decoder = new KeystrokeTextDecoder(layout ?? KeyboardLayout.Us);
    }

    public string Name => "recording";

    public IFrameSource Display { get; } = new NoDisplay();

    public bool UsbEnumerated { get; set; } = true;

    public byte Leds => _leds;

    public event EventHandler<byte>? LedsChanged;

    public bool PoweredOn { get; private set; } = true;

    public bool UsbSwitchToTarget { get; private set; }

    /// <summary>The text a target with the layout would show.</summary>
    public string Text
    {
        get
        {
            lock (_lock)
            {
                return _decoder.Text;
            }
        }
    }

    /// <summary>Keys that typed no character (chords such as ctrl+c, f2, capslock).</summary>
    public IReadOnlyList<string> OtherKeys
    {
        get
        {
            lock (_lock)
            {
                return _decoder.OtherKeys.ToArray();
            }
        }
    }

    public IReadOnlyList<(KeyModifiers Modifiers, byte[] Usages)> KeyboardStates
    {
        get
        {
            lock (_lock)
            {
                return _states.ToArray();
            }
        }
    }

    /// <summary>True when the last keyboard state holds nothing (or no report came at all).</summary>
    public bool AllKeysReleased
    {
        get
        {
            lock (_lock)
            {
                return _states.Count == 0 || (_states[^1].Modifiers == KeyModifiers.None && _states[^1].Usages.Length == 0);
            }
        }
    }

    public IReadOnlyList<string> PointerEvents
    {
        get
        {
            lock (_lock)
            {
                return _pointer.ToArray();
            }
        }
    }

    public (int X, int Y, byte Buttons) LastAbsolute { get; private set; }

    public ValueTask KeyboardStateAsync(byte modifiers, ReadOnlyMemory<byte> pressedUsages, CancellationToken cancellationToken = default)
    {
        byte? ledsChanged = null;
        lock (_lock)
        {
            var usages = pressedUsages.ToArray();
            _states.Add(((KeyModifiers)modifiers, usages));
            _decoder.Feed((KeyModifiers)modifiers, usages);
            foreach (var usage in usages.Where(u => !_held.Contains(u)))
            {
                var bit = (HidUsage)usage switch
                {
                    HidUsage.NumLock => 0x01,
                    HidUsage.CapsLock => 0x02,
                    HidUsage.ScrollLock => 0x04,
                    _ => 0,
                };
                if (bit != 0)
                {
                    _leds ^= (byte)bit;
                    ledsChanged = _leds;
                }
            }

            _held.Clear();
            _held.UnionWith(usages);
        }

        if (ledsChanged is { } leds)
        {
            LedsChanged?.Invoke(this, leds);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask PointerAbsoluteAsync(int x, int y, byte buttons, sbyte wheel, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            LastAbsolute = (x, y, buttons);
            _pointer.Add($"abs {x},{y} buttons {buttons} wheel {wheel}");
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask PointerRelativeAsync(sbyte dx, sbyte dy, byte buttons, sbyte wheel, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _pointer.Add($"rel {dx},{dy} buttons {buttons} wheel {wheel}");
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask PowerAsync(VirtualPowerAction action, CancellationToken cancellationToken = default)
    {
        PoweredOn = action != VirtualPowerAction.Off;
        return ValueTask.CompletedTask;
    }

    /// <summary>Models units whose switch ignores the 0x17 command (Openterface QT issue #581).</summary>
    public bool UsbSwitchStuck { get; set; }

    public ValueTask SetUsbSwitchAsync(bool toTarget, CancellationToken cancellationToken = default)
    {
        UsbSwitchToTarget = UsbSwitchStuck ? UsbSwitchToTarget : toTarget;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Display.DisposeAsync();

    private sealed class NoDisplay : IFrameSource
    {
        public string Uri => "none:";

        public ValueTask<Imaging.Frame> ReadFrameAsync(CancellationToken cancellationToken = default) =>
            throw new VideoException("The recording target has no display; use the console or QEMU target for video.", isRigFault: false);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
