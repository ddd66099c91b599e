namespace Openterface.Hil.Simulator;

/// <summary>
/// A virtual Mini-KVM wired to a virtual target: the CH9329 emulator on a pseudo-terminal (or loopback TCP, like
/// ser2net) and the target's display as MJPEG over HTTP (like ustreamer). A harness connects to
/// <see cref="SerialUri"/> and <see cref="VideoUri"/> exactly as to a remote rig.
/// </summary>
public sealed class VirtualRig : IAsyncDisposable
{
    private readonly IAsyncDisposable _serialServer;
    private readonly MjpegHttpServer _video;

    private VirtualRig(IVirtualTarget target, Ch9329Emulator emulator, IAsyncDisposable serialServer, string serialUri, MjpegHttpServer video, UartServer? console)
    {
        Console = console;
        Target = target;
        Emulator = emulator;
        _serialServer = serialServer;
        SerialUri = serialUri;
        _video = video;
    }

    public IVirtualTarget Target { get; }

    public Ch9329Emulator Emulator { get; }

    /// <summary>The CH9329's port: "/dev/pts/N" or "tcp://127.0.0.1:PORT".</summary>
    public string SerialUri { get; }

    /// <summary>The capture stream: "http://127.0.0.1:PORT/stream".</summary>
    public string VideoUri => _video.Uri.ToString();

    /// <summary>The target's serial console (pty link or "tcp://127.0.0.1:PORT"); null when the target has no UART.</summary>
    public string? ConsoleUri => Console?.Uri;

    /// <summary>The console port, with its unplug/replug fault knobs.</summary>
    public UartServer? Console { get; }

    /// <summary>Video server fault knobs (freeze, no signal, resolution change, drop).</summary>
    public MjpegServerFaults VideoFaults => _video.Faults;

    /// <summary>The host side of the switchable USB port, as a disk image file (QEMU target only).</summary>
    public string? HostDiskPath => (Target as QemuTarget)?.HostDiskPath;

    /// <summary>Starts the target, the emulator and the video server; everything is stopped on dispose.</summary>
    public static async Task<VirtualRig> StartAsync(VirtualRigOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new VirtualRigOptions();
        var target = await CreateTargetAsync(options, cancellationToken).ConfigureAwait(false);
        IAsyncDisposable? serial = null;
        UartServer? console = null;
        try
        {
            // Presents itself like the current Mini-KVM generation (CH32V208, GET_INFO version byte 0x02), whose USB switch is
            // the serial command 0x17, so the switch works without an MS2109 HID device.
            var emulator = new Ch9329Emulator(target, new Ch9329EmulatorOptions { Version = 0x02, SupportsUsbSwitchCommand = true, UnsolicitedInfoOnLedChange = true });
            string serialUri;
            if (options.SerialTcpPort is { } port)
            {
                var tcp = new TcpCh9329Server(emulator, port);
                serial = tcp;
                serialUri = tcp.Uri;
            }
            else
            {
                var pty = new PtyCh9329Server(emulator);
                serial = pty;
                serialUri = pty.Path;
            }

            // The console port exists before power-on, so a harness can read the target from its first byte.
            console = target is ITargetUart uart ? UartServer.Start(uart, options.ConsoleTcpPort) : null;
            if (options.PowerOnAtStart)
            {
                await target.PowerAsync(VirtualPowerAction.On, cancellationToken).ConfigureAwait(false);
            }

            var display = CapturedDisplay.Wrap(target.Display, options.Realism, options.CaptureModel, options.TimeProvider);
            var video = MjpegHttpServer.Start(display, options.VideoHttpPort, options.TimeProvider);
            return new VirtualRig(target, emulator, serial, serialUri, video, console);
        }
        catch
        {
            if (console is not null)
            {
                await console.DisposeAsync().ConfigureAwait(false);
            }

            if (serial is not null)
            {
                await serial.DisposeAsync().ConfigureAwait(false);
            }

            await target.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Parses "sim:console" / "sim:qemu" / "console" / "qemu" into a target name, with a clear error.</summary>
    public static string ParseTarget(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var name = target.StartsWith("sim:", StringComparison.OrdinalIgnoreCase) ? target[4..] : target;
        return name.ToLowerInvariant() switch
        {
            "console" => "console",
            "qemu" => "qemu",
            _ => throw new ArgumentException($"Unknown virtual target '{target}'. Use 'sim:console' or 'sim:qemu'.", nameof(target)),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _video.DisposeAsync().ConfigureAwait(false);
        await _serialServer.DisposeAsync().ConfigureAwait(false);
        if (Console is not null)
        {
            await Console.DisposeAsync().ConfigureAwait(false);
        }

        await Target.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<IVirtualTarget> CreateTargetAsync(VirtualRigOptions options, CancellationToken cancellationToken)
    {
        var name = ParseTarget(options.Target);
        if (name == "console")
        {
            return new ConsoleTarget(
                new ConsoleTargetOptions { FramesPerSecond = options.FramesPerSecond, StartPoweredOn = false },
                options.TimeProvider);
        }

        return await QemuTarget.CreateAsync(
            new QemuTargetOptions { FramesPerSecond = options.FramesPerSecond, StartFrom = options.QemuStartFrom },
            options.TimeProvider,
            cancellationToken).ConfigureAwait(false);
    }
}
