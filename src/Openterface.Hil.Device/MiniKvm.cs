using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Openterface.Hil.Protocol;

namespace Openterface.Hil.Device;

/// <summary>
/// An Openterface Mini-KVM's input side: the CH9329 behind a serial URI ("auto", "/dev/ttyUSB0", "/dev/ttyACM0",
/// "/dev/pts/N", "tcp://host:port"). Keyboard, mouse and USB switch; release-all on dispose and at process exit.
/// </summary>
public sealed partial class MiniKvm : IAsyncDisposable
{
    private readonly Ch9329Link _link;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private int _disposed;

    private MiniKvm(Ch9329Link link, MiniKvmOptions options, TimeProvider time, ILogger logger, KvmIdentity identity)
    {
        _link = link;
        _time = time;
        _logger = logger;
        Chip = identity.Chip;
        Discovered = identity.Unit;
        var pacing = options.Pacing ?? KeyPacing.Default;
        Keyboard = new HidKeyboard(link, () => pacing, time, logger, options.Layout ?? KeyboardLayout.Us);
        Mouse = new HidMouse(link, () => pacing, time);
        Media = new HidMediaKeys(link, () => pacing, time, logger);
        var openHid = options.OpenHid ?? OpenHidraw;
        Usb = new UsbSwitch(link, () => openHid(options.HidrawPath ?? identity.FindHidraw(link.Uri)), time, identity.Chip);
        link.StateChanged += (_, e) => LinkStateChanged?.Invoke(this, e);
        link.Reconnected = ReleaseAfterReconnectAsync;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>
    /// Connects, probes the chip and at once sends release-all (keyboard, both mouse pointers, media keys): a runner
    /// killed with SIGKILL can leave a key held on the target, and the next connection clears it.
    /// </summary>
    public static async Task<MiniKvm> ConnectAsync(string serialUri, MiniKvmOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serialUri);
        options ??= new MiniKvmOptions();
        var time = options.TimeProvider ?? TimeProvider.System;
        var loggers = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var identity = KvmIdentity.Resolve(serialUri.Trim(), options);
        var baudRates = options.BaudRate is { } baud ? new[] { baud }.Concat(new[] { 115200, 9600 }.Where(b => b != baud)).ToArray() : [115200, 9600];
        var linkOptions = new LinkOptions
        {
            TimeProvider = time,
            LoggerFactory = loggers,
            ReplyTimeout = options.ReplyTimeout,
            BaudRates = identity.Chip == ControlChip.Ch32V208 ? [baudRates[0]] : baudRates,
            MaxRetries = options.MaxRetries,
            HeartbeatInterval = options.HeartbeatInterval,
            ReconnectInterval = options.ReconnectInterval,
            BreakAfterTimeouts = options.BreakAfterTimeouts,
            Resolve = options.SerialUriResolver ?? identity.Resolver,
            OpenPort = options.OpenPort,
            Chip = identity.Chip,
            SettleAfterOpen = options.SettleAfterOpen ?? (identity.Chip == ControlChip.Ch32V208 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromMilliseconds(50)),
        };
        var link = await Ch9329Link.OpenAsync(identity.SerialUri, linkOptions, cancellationToken).ConfigureAwait(false);
        var kvm = new MiniKvm(link, options, time, loggers.CreateLogger(SerialLog.Category), identity);
        try
        {
            await kvm.ReleaseAtConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await kvm.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return kvm;
    }

    /// <summary>The control chip, decided by the serial port's USB id (discovery, sysfs, or <c>?chip=</c> on a TCP URI).</summary>
    public ControlChip Chip { get; }

    /// <summary>What sysfs knows about this unit (paired video node, hidraw, USB ports); null for a pty or TCP link.</summary>
    public DiscoveredKvm? Discovered { get; }

    /// <summary>The port in use (after a reconnect, possibly a new path).</summary>
    public string SerialUri => _link.Uri;

    /// <summary>The most recent GET_INFO (from a request, the heartbeat, or an unsolicited report).</summary>
    public ChipInfo? LastInfo => _link.LastInfo;

    public HidKeyboard Keyboard { get; }

    public HidMouse Mouse { get; }

    /// <summary>Media (volume, playback, browser) and ACPI (power, sleep, wake-up) keys.</summary>
    public HidMediaKeys Media { get; }

    public UsbSwitch Usb { get; }

    /// <summary>Recent serial traffic as "TX 57 AB ..." / "RX ..." lines; keyboard payloads of secret typing are redacted.</summary>
    public IReadOnlyList<string> Transcript => _link.Transcript;

    public int BaudRate => _link.BaudRate;

    public event EventHandler<LinkStateChangedEventArgs>? LinkStateChanged;

    internal Ch9329Link Link => _link;

    public Task<ChipInfo> GetInfoAsync(CancellationToken cancellationToken = default) => _link.GetInfoAsync(cancellationToken);

    public async Task<ParameterBlock> GetParametersAsync(CancellationToken cancellationToken = default)
    {
        var reply = await _link.RequestAsync(Ch9329Requests.GetParameters(), cancellationToken).ConfigureAwait(false);
        return ParameterBlock.Parse(reply.Data);
    }

    /// <summary>SET_PARA_CFG with the new baud, RESET, reopen at that baud (reference §3).</summary>
    public Task ChangeBaudRateAsync(int baudRate, CancellationToken cancellationToken = default) => _link.ChangeBaudRateAsync(baudRate, cancellationToken);

    /// <summary>Factory reset by SET_DEFAULT_CFG + RESET, or by holding RTS 4 s (v1.9 boards); the chip returns at 9600 baud.</summary>
    public Task FactoryResetAsync(bool viaRtsPin = false, CancellationToken cancellationToken = default) => _link.FactoryResetAsync(viaRtsPin, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        await ReleaseEverythingAsync(CancellationToken.None).ConfigureAwait(false);
        await _link.DisposeAsync().ConfigureAwait(false);
    }

    private async Task ReleaseAfterReconnectAsync(CancellationToken cancellationToken) => await ReleaseEverythingAsync(cancellationToken, includeMedia: true).ConfigureAwait(false);

    private async Task ReleaseEverythingAsync(CancellationToken cancellationToken, bool includeMedia = false)
    {
        try
        {
            await Keyboard.ForceReleaseAsync(cancellationToken).ConfigureAwait(false);
            await Mouse.ForceReleaseAsync(cancellationToken).ConfigureAwait(false);
            if (includeMedia)
            {
                await _link.RequestAsync(Ch9329Requests.Media(default), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (HilException e)
        {
            SerialLog.ReleaseFailed(_logger, _link.Uri, e.Message);
        }
    }

    /// <summary>Zero keyboard report, absolute and relative pointers with no buttons, media 02 00 00 00.</summary>
    private async Task ReleaseAtConnectAsync(CancellationToken cancellationToken)
    {
        await _link.SendStateAsync(Ch9329Requests.Keyboard(KeyboardReport.Released), cancellationToken).ConfigureAwait(false);
        await _link.SendStateAsync(Ch9329Requests.MouseAbsolute(0, 0), cancellationToken).ConfigureAwait(false);
        await _link.SendStateAsync(Ch9329Requests.MouseRelative(0, 0), cancellationToken).ConfigureAwait(false);
        await _link.SendStateAsync(Ch9329Requests.Media(default), cancellationToken).ConfigureAwait(false);
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        // The process is ending (Ctrl+C, test host exit): release every key so none stays held on the target.
        try
        {
#pragma warning disable VSTHRD002 // ProcessExit handlers are synchronous; a bounded wait is the only option here.
            Task.Run(() => ReleaseEverythingAsync(CancellationToken.None)).Wait(TimeSpan.FromSeconds(1));
#pragma warning restore VSTHRD002
        }
        catch (AggregateException)
        {
        }
    }

    private static IHidFeatureDevice? OpenHidraw(string? path) => path is null ? null : HidrawDevice.Open(path);
}
