namespace Openterface.Hil.Simulator;

/// <summary>
/// The console target's state machine: the current screen, the settings in NVRAM, the USB port and the clock.
/// Time is read lazily: <see cref="Sync"/> freezes "now" and lets timed screens move on, each at the exact
/// moment its timer expired, so the same inputs at the same times always give the same screens.
/// Not thread-safe: <see cref="ConsoleTarget"/> serialises access.
/// </summary>
internal sealed class ConsoleMachine
{
    public const string Hostname = "hil-target";

    /// <summary>What the real-time clock showed when the target was created.</summary>
    private static readonly TimeSpan RtcStart = new(9, 30, 0);

    private readonly TimeProvider _time;
    private readonly long _origin;

    public ConsoleMachine(ConsoleTargetOptions options, TimeProvider time)
    {
        Options = options;
        _time = time;
        _origin = time.GetTimestamp();
        Screen = new PowerOffScreen();
    }

    public ConsoleTargetOptions Options { get; }

    /// <summary>NVRAM: survives resets and power cycles for the lifetime of the target.</summary>
    public FirmwareSettings Settings { get; set; } = new();

    public bool UsbSwitchToTarget { get; set; }

    public string UsbDiskLabel { get; set; } = "HIL Flash";

    public string UsbDiskVersion { get; set; } = "1.0.0";

    public byte Leds { get; set; }

    public IConsoleScreen Screen { get; private set; }

    /// <summary>What the firmware printed on its UART since the target last sent it out (see ConsoleTarget.FlushUart).</summary>
    public System.Text.StringBuilder UartOut { get; } = new();

    public bool PoweredOn => Screen is not PowerOffScreen;

    /// <summary>Time since the target was created, frozen at the last <see cref="Sync"/>.</summary>
    public TimeSpan Now { get; private set; }

    /// <summary>When the current screen appeared.</summary>
    public TimeSpan ShownAt { get; private set; }

    public TimeSpan SinceShown => Now - ShownAt;

    /// <summary>The real-time clock's time of day.</summary>
    public TimeSpan ClockTime => TimeSpan.FromSeconds(Math.Floor((RtcStart + Now).TotalSeconds % 86400));

    /// <summary>Boot devices present right now, in boot order (the USB stick only when switched to the target).</summary>
    public IReadOnlyList<BootDevice> PresentDevices => [.. Settings.BootOrder.Where(IsPresent)];

    /// <summary>Reads the clock and lets timed screens expire (bounded, so zero durations cannot spin).</summary>
    public void Sync()
    {
        Now = _time.GetElapsedTime(_origin);
        for (var i = 0; i < 1000; i++)
        {
            var screen = Screen;
            screen.Tick();
            if (ReferenceEquals(screen, Screen))
            {
                return;
            }
        }
    }

    public void Show(IConsoleScreen screen) => Show(screen, Now);

    /// <summary>Shows a screen as of <paramref name="at"/> (a timer's expiry, possibly before now).</summary>
    public void Show(IConsoleScreen screen, TimeSpan at)
    {
        Screen = screen;
        ShownAt = at;
    }

    /// <summary>Cold boot or reset: the POST screen, with Num Lock as setup says.</summary>
    public void Reset(TimeSpan at)
    {
        Leds = Settings.NumLockOn ? HidKeys.NumLockLed : (byte)0;
        Show(new PostScreen(this), at);
        UartOut.Append(PostLog.Format(this));
    }

    public void Reset() => Reset(Now);

    public void PowerOff()
    {
        Leds = 0;
        Show(new PowerOffScreen());
    }

    public void Boot(BootDevice device, TimeSpan at) => Show(
        device switch
        {
            BootDevice.InternalDisk => LoginScreen.Boot(this),
            BootDevice.UsbFlash => new FlashScreen(this),
            _ => new PxeScreen(this),
        },
        at);

    public void Boot(BootDevice device) => Boot(device, Now);

    /// <summary>Boots the first present device in boot order.</summary>
    public void BootDefault(TimeSpan at) => Boot(PresentDevices[0], at);

    public bool IsPresent(BootDevice device) => device != BootDevice.UsbFlash || UsbSwitchToTarget;

    public string DeviceName(BootDevice device) => device switch
    {
        BootDevice.InternalDisk => "Internal Disk",
        BootDevice.UsbFlash => "USB: " + UsbDiskLabel,
        _ => "Network (PXE)",
    };

    /// <summary>Whether a blinking cursor is in its visible half right now.</summary>
    public bool CursorVisible =>
        !Options.BlinkingCursor || (long)(SinceShown.Ticks / Options.CursorBlinkInterval.Ticks) % 2 == 0;
}
