using Openterface.Hil.Imaging.Fonts;
using Openterface.Hil.Video;

namespace Openterface.Hil.Simulator;

/// <summary>
/// A simulated PC drawn in VGA text mode with a real console font: POST, a setup utility whose settings persist
/// (NVRAM) across resets, an F12 boot menu, a Linux-like login and shell, a USB firmware flasher and PXE.
/// Instant and deterministic: with the same keys at the same (fake) times it shows byte-identical frames.
/// Thread-safe: the emulator, the capture and the test may call it concurrently.
/// </summary>
public sealed partial class ConsoleTarget : IVirtualTarget
{
    private readonly Lock _gate = new();
    private readonly ConsoleMachine _machine;
    private readonly ConsoleDisplay _display;
    private readonly TextGrid _textGrid = new(80, 25);
    private byte[] _pressed = [];
    private bool _eatNextKey;
    private byte _reportedLeds;

    public ConsoleTarget(ConsoleTargetOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new ConsoleTargetOptions();
        options.Validate();
        var time = timeProvider ?? TimeProvider.System;
        _machine = new ConsoleMachine(options, time);
        _display = new ConsoleDisplay(DrawScreen, PsfFont.Load(options.FontName), time, options.FramesPerSecond, options.OutputSize);
        if (options.StartPoweredOn)
        {
            _machine.Reset();
        }

        _reportedLeds = _machine.Leds;
    }

    public string Name => "console";

    public IFrameSource Display => _display;

    public bool UsbEnumerated => PoweredOn && !HidNotEnumerated;

    /// <summary>Fault knob: the target's USB host never enumerates the keyboard/mouse (keys are lost, GET_INFO says so).</summary>
    public bool HidNotEnumerated { get; set; }

    /// <summary>Fault knob: like a sleeping PC, the first key press after power-on only wakes it up and is lost.</summary>
    public bool EatsFirstKeyAfterPowerOn { get; set; }

    public byte Leds
    {
        get
        {
            lock (_gate)
            {
                return _machine.Leds;
            }
        }
    }

    public event EventHandler<byte>? LedsChanged;

    public bool PoweredOn
    {
        get
        {
            lock (_gate)
            {
                return _machine.PoweredOn;
            }
        }
    }

    public bool UsbSwitchToTarget
    {
        get
        {
            lock (_gate)
            {
                return _machine.UsbSwitchToTarget;
            }
        }
    }

    /// <summary>The USB stick's name, shown in the boot menu as "USB: label".</summary>
    public string UsbDiskLabel
    {
        get => Locked(() => _machine.UsbDiskLabel);
        set => Locked(() => _machine.UsbDiskLabel = value);
    }

    /// <summary>The firmware version on the USB stick; the flasher prints "done, version X".</summary>
    public string UsbDiskVersion
    {
        get => Locked(() => _machine.UsbDiskVersion);
        set => Locked(() => _machine.UsbDiskVersion = value);
    }

    /// <summary>The screen's text right now, one line per row (the ground truth for OCR and for tests).</summary>
    public string ScreenText
    {
        get
        {
            string text;
            lock (_gate)
            {
                _machine.Sync();
                _machine.Screen.Draw(_textGrid);
                text = _textGrid.ToText();
            }

            ReportLeds();
            return text;
        }
    }

    /// <summary>Which screen shows: "off", "post", "setup", "boot-menu", "login", "shell", "flash" or "pxe".</summary>
    public string ScreenName
    {
        get
        {
            var name = Locked(() =>
            {
                _machine.Sync();
                return _machine.Screen.Name;
            });
            ReportLeds();
            return name;
        }
    }

    public ValueTask KeyboardStateAsync(byte modifiers, ReadOnlyMemory<byte> pressedUsages, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pressed = pressedUsages.ToArray();
        ChangeState(() =>
        {
            foreach (var usage in pressed)
            {
                // 0x00 is "no key", 0x01..0x03 are the keyboard's error codes (rollover, POST fail).
                if (usage > 0x03 && Array.IndexOf(_pressed, usage) < 0)
                {
                    Press(usage, modifiers);
                }
            }

            _pressed = pressed;
        });
        return ValueTask.CompletedTask;
    }

    /// <summary>Text-mode firmware has no pointer: motion and clicks are accepted and ignored.</summary>
    public ValueTask PointerAbsoluteAsync(int x, int y, byte buttons, sbyte wheel, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.CompletedTask;
    }

    /// <summary>Text-mode firmware has no pointer: motion and clicks are accepted and ignored.</summary>
    public ValueTask PointerRelativeAsync(sbyte dx, sbyte dy, byte buttons, sbyte wheel, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.CompletedTask;
    }

    public ValueTask PowerAsync(VirtualPowerAction action, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ChangeState(() =>
        {
            switch (action)
            {
                case VirtualPowerAction.On when !_machine.PoweredOn:
                    _machine.Reset();
                    _eatNextKey = EatsFirstKeyAfterPowerOn;
                    break;
                case VirtualPowerAction.Off:
                    _machine.PowerOff();
                    break;
                case VirtualPowerAction.Reset when _machine.PoweredOn:
                    _machine.Reset();
                    break;
            }
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask SetUsbSwitchAsync(bool toTarget, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ChangeState(() => _machine.UsbSwitchToTarget = toTarget);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _display.DisposeAsync();

    /// <summary>A copy of the screen's cells (characters and colours), for tests that check highlights.</summary>
    internal TextGrid CaptureGrid()
    {
        var grid = new TextGrid(80, 25);
        DrawScreen(grid);
        return grid;
    }

    /// <summary>Brings the machine up to date and draws the current screen (the display calls this per frame).</summary>
    private void DrawScreen(TextGrid grid)
    {
        lock (_gate)
        {
            _machine.Sync();
            _machine.Screen.Draw(grid);
        }

        ReportLeds();
    }

    private void Press(byte usage, byte modifiers)
    {
        if (!_machine.PoweredOn || HidNotEnumerated)
        {
            return;
        }

        if (_eatNextKey)
        {
            _eatNextKey = false;
            return;
        }

        var led = usage switch
        {
            HidKeys.NumLock => HidKeys.NumLockLed,
            HidKeys.CapsLock => HidKeys.CapsLockLed,
            HidKeys.ScrollLock => HidKeys.ScrollLockLed,
            _ => (byte)0,
        };
        if (led != 0)
        {
            _machine.Leds ^= led;
            return;
        }

        var leds = _machine.Leds;
        _machine.Screen.HandleKey(new KeyPress(usage, modifiers, (leds & HidKeys.CapsLockLed) != 0, (leds & HidKeys.NumLockLed) != 0));
    }

    /// <summary>Runs a change under the lock (after catching up with the clock), then reports LED changes.</summary>
    private void ChangeState(Action change)
    {
        lock (_gate)
        {
            _machine.Sync();
            change();
        }

        ReportLeds();
    }

    /// <summary>Raises LedsChanged (outside the lock) when the LEDs differ from what was last reported.</summary>
    private void ReportLeds()
    {
        FlushUart();
        byte leds;
        lock (_gate)
        {
            if (_machine.Leds == _reportedLeds)
            {
                return;
            }

            leds = _reportedLeds = _machine.Leds;
        }

        LedsChanged?.Invoke(this, leds);
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }
}
