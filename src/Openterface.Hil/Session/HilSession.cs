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
    private readonly SessionCore _core;
    private readonly IAsyncDisposable? _virtualRig;
    private int _disposed;

    internal HilSession(RigParts parts, HilOptions options, IAsyncDisposable? virtualRig = null, Device.ConsoleLink? console = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(options);
        var consoleMarker = new ConsoleActionMarker();
        _core = new SessionCore(parts, WithConsoleMarker(options, consoleMarker));
        _virtualRig = virtualRig;
        Screen = new Screen(_core);
        Keyboard = new Keyboard(_core);
        Mouse = new Mouse(_core);
        Usb = new UsbControl(_core);
        Power = new PowerControl(_core);
        Console = new TargetConsole(_core, console);
        consoleMarker.Console = Console;
    }

    public Screen Screen { get; }

    public Keyboard Keyboard { get; }

    public Mouse Mouse { get; }

    public UsbControl Usb { get; }

    public PowerControl Power { get; }

    /// <summary>Secrets typed so far; reporters pass collected text through <see cref="SessionSecrets.Redact"/>.</summary>
    public SessionSecrets Secrets => _core.Redactor;

    /// <summary>Scale applied to inherited timeouts; 1 until <see cref="CalibrateAsync"/> measures this rig.</summary>
    public double TimeoutFactor => _core.TimeoutFactor;

    internal SessionCore Core => _core;

    public LocatorAssertions Expect(Locator locator)
    {
        ArgumentNullException.ThrowIfNull(locator);
        return new LocatorAssertions(_core, locator, negate: false);
    }

    public ScreenAssertions Expect(Screen screen)
    {
        ArgumentNullException.ThrowIfNull(screen);
        return new ScreenAssertions(_core);
    }

    /// <summary>
    /// Measures this rig (frame interval, HID round trip via a Caps Lock LED toggle, restored afterwards) and scales
    /// inherited timeouts by the result (never below 1).
    /// </summary>
    public Task<LatencyCalibration> CalibrateAsync(CancellationToken cancellationToken = default) =>
        _core.Steps.RunAsync("Calibrate rig latency", StepKind.Group, new Dictionary<string, string>(), async _ =>
        {
            var calibration = await new Calibrator(_core, Keyboard).MeasureAsync(cancellationToken).ConfigureAwait(false);
            _core.TimeoutFactor = calibration.TimeoutFactor;
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
            await _core.ReleaseAllQuietlyAsync().ConfigureAwait(false);
            await _core.ReleaseButtonsQuietlyAsync().ConfigureAwait(false);
        }
        finally
        {
            _core.Frames.ReleaseBarrier();
            await Console.CloseAsync().ConfigureAwait(false);
            if (_core.Parts.Lifetime is { } lifetime)
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
