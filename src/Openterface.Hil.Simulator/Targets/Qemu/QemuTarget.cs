using Openterface.Hil.Video;

namespace Openterface.Hil.Simulator;

/// <summary>
/// A real QEMU PC as the virtual Mini-KVM's target: keyboard and tablet reports become QMP input events (one per
/// key transition, paced), the screen is grabbed over QMP, power is QEMU's process and reset, and the switchable
/// USB port is a FAT disk image hot-plugged into the guest (usb-storage) or handed to the host side.
/// Create with <see cref="CreateAsync"/> (the target starts powered off), then <c>PowerAsync(VirtualPowerAction.On)</c>.
/// </summary>
public sealed partial class QemuTarget : IVirtualTarget
{
    private readonly QemuTargetOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly bool _ownsWorkDirectory;
    private readonly QemuDisplay _display;
    private readonly OrphanWatchdog _watchdog;
    private QemuProcess? _qemu;
    private volatile bool _halted;
    private int _resets;
    private bool _disposed;

    private QemuTarget(QemuTargetOptions options, TimeProvider timeProvider, string imagePath, string workDirectory, bool ownsWorkDirectory)
    {
        _options = options;
        _timeProvider = timeProvider;
        ImagePath = imagePath;
        WorkDirectory = workDirectory;
        _ownsWorkDirectory = ownsWorkDirectory;
        _display = new QemuDisplay(this, options.FramesPerSecond, timeProvider);
        _watchdog = OrphanWatchdog.Start(workDirectory, ownsWorkDirectory);
    }

    public string Name => "qemu";

    /// <summary>The screen over QMP screendump; black 720x400 frames ("no signal") while powered off.</summary>
    public IFrameSource Display => _display;

    /// <summary>
    /// QEMU does not tell whether the guest configured its USB keyboard, so this is true while the machine is
    /// powered on and running: SeaBIOS enumerates the xHCI keyboard during POST (well under a second) and Linux's
    /// usbhid does again during boot.
    /// </summary>
    public bool UsbEnumerated => PoweredOn;

    public bool PoweredOn => _qemu is { HasExited: false } && !_halted;

    /// <summary>The ISO this target boots.</summary>
    public string ImagePath { get; }

    /// <summary>Sockets, the ttyS0 FIFOs, the serial log and the USB disk live here.</summary>
    public string WorkDirectory { get; }

    /// <summary>Everything the guest wrote to ttyS0 since the target was created (appended across power cycles).</summary>
    public string SerialLogPath => Path.Combine(WorkDirectory, "ttyS0.log");

    /// <summary>A second QMP socket of the running QEMU, free for one other client (for example a power switch).</summary>
    public string SpareQmpSocketPath => Path.Combine(WorkDirectory, "qmp-spare.sock");

    /// <summary>KVM or TCG once powered on (Auto before the first power-on).</summary>
    public QemuAccelerator ActiveAccelerator { get; private set; } = QemuAccelerator.Auto;

    /// <summary>RESET events QEMU reported (system_reset emits two; a guest reboot one or two).</summary>
    public int ResetEvents => Volatile.Read(ref _resets);

    /// <summary>How the last power-on started: "cold boot" or "restored saved state at ...".</summary>
    public string LastStart { get; private set; } = "not started";

    internal QmpClient? Client => _qemu is { HasExited: false } q ? q.Client : null;

    /// <summary>Prepares a target (image located, work folder and USB disk made); it starts powered off.</summary>
    public static async Task<QemuTarget> CreateAsync(
        QemuTargetOptions? options = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        options ??= new QemuTargetOptions();
        var image = await QemuImage.LocateAsync(options.ImagePath, cancellationToken).ConfigureAwait(false);
        var owns = string.IsNullOrEmpty(options.WorkDirectory);
        var work = owns
            ? Directory.CreateTempSubdirectory("hil-qemu-").FullName
            : Directory.CreateDirectory(options.WorkDirectory!).FullName;
        var target = new QemuTarget(options, timeProvider ?? TimeProvider.System, image, work, owns);
        try
        {
            await FatDiskImage.CreateAsync(target.HostDiskPath, options.UsbDiskSizeMiB, options.UsbDiskLabel, cancellationToken).ConfigureAwait(false);
            return target;
        }
        catch
        {
            await target.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask PowerAsync(VirtualPowerAction action, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            switch (action)
            {
                case VirtualPowerAction.On:
                    await PowerOnAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case VirtualPowerAction.Off:
                    await PowerOffAsync().ConfigureAwait(false);
                    break;
                case VirtualPowerAction.Reset:
                    await ResetAsync(cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(action), action, "On, Off or Reset expected.");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await PowerOffAsync().ConfigureAwait(false);
            CloseUart();
            await _display.DisposeAsync().ConfigureAwait(false);
            if (_ownsWorkDirectory)
            {
                Directory.Delete(WorkDirectory, recursive: true);
            }

            _watchdog.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Cold boot (or saved-state start) when QEMU is not running; system_reset + cont after a guest power-off.</summary>
    private async Task PowerOnAsync(CancellationToken cancellationToken)
    {
        if (_qemu is { HasExited: false } running)
        {
            if (_halted)
            {
                await running.Client.ExecuteAsync("system_reset", cancellationToken: cancellationToken).ConfigureAwait(false);
                await running.Client.ExecuteAsync("cont", cancellationToken: cancellationToken).ConfigureAwait(false);
                _halted = false;
                ClearInputState();
                LastStart = "cold boot (system_reset + cont after a guest power-off)";
            }

            return;
        }

        if (_qemu is not null)
        {
            await _qemu.DisposeAsync().ConfigureAwait(false);
            _qemu = null;
        }

        var accelerator = await ResolveAcceleratorAsync(cancellationToken).ConfigureAwait(false);
        ActiveAccelerator = accelerator;
        var launch = new QemuLaunch(_options.QemuPath, ImagePath, accelerator, _options.MemoryMiB, WorkDirectory);
        ClearInputState();
        _halted = false;
        if (_options.StartFrom == QemuStartPoint.ColdBoot)
        {
            _qemu = await StartProcessAsync(launch, cancellationToken).ConfigureAwait(false);
            LastStart = "cold boot";
        }
        else
        {
            await StartFromSavedStateAsync(launch, _options.StartFrom, cancellationToken).ConfigureAwait(false);
        }

        if (UsbSwitchToTarget)
        {
            await AttachUsbDiskAsync(_qemu!.Client, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<QemuProcess> StartProcessAsync(QemuLaunch launch, CancellationToken cancellationToken)
    {
        QemuProcess process;
        try
        {
            process = await QemuProcess.StartAsync(launch with { SerialPipePath = OpenUart() }, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            CloseUart();
            throw;
        }

        process.Client.EventReceived += OnQmpEvent;
        return process;
    }

    /// <summary>A hard power cut: QEMU quits (frees its CPU); the display shows no signal until power-on.</summary>
    private async Task PowerOffAsync()
    {
        if (_qemu is null)
        {
            return;
        }

        var qemu = _qemu;
        _qemu = null;
        _halted = false;
        await qemu.StopAsync(TimeSpan.FromSeconds(5), _timeProvider).ConfigureAwait(false);
        await qemu.DisposeAsync().ConfigureAwait(false);
        CloseUart();
        ClearInputState();
        SetLeds(0);
    }

    /// <summary>The reset button: system_reset (QEMU emits two RESET events). Does nothing while powered off.</summary>
    private async Task ResetAsync(CancellationToken cancellationToken)
    {
        if (!PoweredOn)
        {
            return;
        }

        var client = _qemu!.Client;
        var before = client.LastEventSequence;
        await client.ExecuteAsync("system_reset", cancellationToken: cancellationToken).ConfigureAwait(false);
        await client.WaitForEventAsync("RESET", before, cancellationToken: cancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(10), _timeProvider, cancellationToken).ConfigureAwait(false);
        ClearInputState();
    }

    private void OnQmpEvent(object? sender, QmpEvent e)
    {
        switch (e.Name)
        {
            case "RESET":
                Interlocked.Increment(ref _resets);
                SetLeds(0);
                break;
            case "SHUTDOWN" when e.Data.ValueKind == System.Text.Json.JsonValueKind.Object &&
                                 e.Data.TryGetProperty("guest", out var guest) && guest.GetBoolean():
                // -no-shutdown: the guest powered itself off and QEMU paused; power-on resets and continues.
                _halted = true;
                SetLeds(0);
                break;
        }
    }
}
