using Openterface.Hil.Video;

namespace Openterface.Hil;

/// <summary>
/// One connection to a rig (a Mini-KVM and its target, or a virtual rig): look at the screen, type, click, switch
/// USB and power, and assert what appears. Dispose it to release every key and close the rig.
/// </summary>
/// <example><code>
/// await using var hil = await HilSession.ConnectAsync(new HilOptions { Serial = "auto", Video = "auto", Needles = "needles" });
/// await hil.Keyboard.PressAsync("enter");
/// await hil.Expect(hil.Screen.Needle("grub-menu")).ToBeVisibleAsync();
/// </code></example>
public sealed partial class HilSession : IAsyncDisposable
{
    private readonly SessionContext _session;
    private readonly ScreenService _screen;
    private readonly RigActions _actions;
    private readonly LiveVideo? _live;
    private readonly IAsyncDisposable? _lifetime;
    private readonly IAsyncDisposable? _virtualRig;
    private int _disposed;

    internal HilSession(RigParts parts, HilOptions options, IAsyncDisposable? virtualRig = null, Device.ConsoleLink? console = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(options);
        var consoleMarker = new ConsoleActionMarker();
        _session = new SessionContext(WithConsoleMarker(options, consoleMarker), parts.Video.TryGetLatest);
        _screen = new ScreenService(_session, parts.Video, parts.Vision, parts.Needles);
        _actions = new RigActions(_session, _screen, parts.Keyboard, parts.Link);
        _live = parts.Live;
        _lifetime = parts.Lifetime;
        _virtualRig = virtualRig;
        Keyboard = new Keyboard(_actions, parts.Keyboard);
        Mouse = new Mouse(_actions, parts.Mouse);
        Screen = new Screen(_screen, Mouse);
        Usb = new UsbControl(_actions, parts.Usb);
        Power = new PowerControl(_actions, parts.Keyboard, parts.Power);
        Console = new TargetConsole(_session, console);
        consoleMarker.Console = Console;
    }

    public Screen Screen { get; }

    public Keyboard Keyboard { get; }

    public Mouse Mouse { get; }

    public UsbControl Usb { get; }

    public PowerControl Power { get; }

    /// <summary>Secrets typed so far; reporters pass collected text through <see cref="SessionSecrets.Redact"/>.</summary>
    public SessionSecrets Secrets => _session.Redactor;

    /// <summary>Scale applied to inherited timeouts; 1 until <see cref="CalibrateAsync"/> measures this rig.</summary>
    public double TimeoutFactor => _session.TimeoutFactor;

    /// <summary>The screen feature (option resolution, the barrier), for tests.</summary>
    internal ScreenService ScreenService => _screen;

    public LocatorAssertions Expect(Locator locator)
    {
        ArgumentNullException.ThrowIfNull(locator);
        return new LocatorAssertions(_screen, locator, negate: false);
    }

    public ScreenAssertions Expect(Screen screen)
    {
        ArgumentNullException.ThrowIfNull(screen);
        return new ScreenAssertions(_screen);
    }

    /// <summary>
    /// Measures this rig (frame interval, HID round trip via a Caps Lock LED toggle, restored afterwards) and scales
    /// inherited timeouts by the result (never below 1).
    /// </summary>
    public Task<LatencyCalibration> CalibrateAsync(CancellationToken cancellationToken = default) =>
        _session.Steps.RunAsync("Calibrate rig latency", StepKind.Group, new Dictionary<string, string>(), async _ =>
        {
            var calibration = await new Calibrator(_actions, Keyboard).MeasureAsync(cancellationToken).ConfigureAwait(false);
            _session.TimeoutFactor = calibration.TimeoutFactor;
            return calibration;
        });

    /// <summary>Releases every key and held mouse button, then closes the rig (and stops a virtual rig).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _actions.ReleaseAllQuietlyAsync().ConfigureAwait(false);
            await Mouse.ReleaseHeldQuietlyAsync().ConfigureAwait(false);
        }
        finally
        {
            _screen.Frames.ReleaseBarrier();
            await Console.CloseAsync().ConfigureAwait(false);
            if (_lifetime is { } lifetime)
            {
                await lifetime.DisposeAsync().ConfigureAwait(false);
            }

            if (_virtualRig is not null)
            {
                await _virtualRig.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
