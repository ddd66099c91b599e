using System.Collections.Concurrent;

namespace Openterface.Hil.Simulator;

/// <summary>
/// Auto acceleration: /dev/kvm can be present yet unusable (a nested variant here: -cpu host aborts and other CPU
/// models hang before GRUB). So KVM is used only when a probe VM reaches the GRUB menu (mirrored on ttyS0) within
/// KvmProbeTimeout; otherwise TCG. The verdict is kept for the life of the process.
/// </summary>
public sealed partial class QemuTarget
{
    private static readonly ConcurrentDictionary<string, QemuAccelerator> Probed = new();

    /// <summary>Whether the last Auto probe found KVM usable (null before any probe in this process).</summary>
    public static bool? KvmProbeResult => Probed.IsEmpty ? null : Probed.Values.Any(a => a == QemuAccelerator.Kvm);

    private async Task<QemuAccelerator> ResolveAcceleratorAsync(CancellationToken cancellationToken)
    {
        if (_options.Accelerator != QemuAccelerator.Auto)
        {
            return _options.Accelerator;
        }

        var key = _options.QemuPath + "|" + ImagePath;
        if (Probed.TryGetValue(key, out var known))
        {
            return known;
        }

        var verdict = KvmDeviceOpens() && await KvmBootsAsync(cancellationToken).ConfigureAwait(false)
            ? QemuAccelerator.Kvm
            : QemuAccelerator.Tcg;
        Probed[key] = verdict;
        return verdict;
    }

    private static bool KvmDeviceOpens()
    {
        try
        {
            using var kvm = new FileStream("/dev/kvm", FileMode.Open, FileAccess.ReadWrite);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private async Task<bool> KvmBootsAsync(CancellationToken cancellationToken)
    {
        var probeDirectory = Directory.CreateDirectory(Path.Combine(WorkDirectory, "kvm-probe")).FullName;
        var launch = new QemuLaunch(_options.QemuPath, ImagePath, QemuAccelerator.Kvm, _options.MemoryMiB, probeDirectory);
        try
        {
            QemuProcess probe;
            try
            {
                probe = await QemuProcess.StartAsync(launch, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (QemuTargetException)
            {
                return false;
            }

            await using (probe.ConfigureAwait(false))
            {
                var started = _timeProvider.GetTimestamp();
                while (_timeProvider.GetElapsedTime(started) < _options.KvmProbeTimeout && !probe.HasExited)
                {
                    if (File.Exists(launch.SerialLogPath) &&
                        (await File.ReadAllTextAsync(launch.SerialLogPath, cancellationToken).ConfigureAwait(false)).Contains("Normal boot", StringComparison.Ordinal))
                    {
                        await probe.StopAsync(TimeSpan.FromSeconds(2), _timeProvider).ConfigureAwait(false);
                        return true;
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(50), _timeProvider, cancellationToken).ConfigureAwait(false);
                }

                return false;
            }
        }
        finally
        {
            Directory.Delete(probeDirectory, recursive: true);
        }
    }
}
