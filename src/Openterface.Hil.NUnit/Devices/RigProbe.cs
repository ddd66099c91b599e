namespace Openterface.Hil.NUnit;

/// <summary>
/// Decides, without opening anything, whether a real rig is configured and attached: local device paths must exist,
/// `auto` needs a CH340/CH32V208 serial adapter (VID:PID 1A86:7523 or 1A86:FE0C) in sysfs, network URIs are trusted.
/// </summary>
internal sealed class RigProbe(Func<string, bool> pathExists, string sysfsRoot = "/sys")
{
    private static readonly string[] MiniKvmSerialIds = ["1a86:7523", "1a86:fe0c"];

    public static RigProbe System { get; } = new(p => File.Exists(p) || Directory.Exists(p));

    /// <summary>Null when a real rig is usable; otherwise why not (for an Ignore reason).</summary>
    public string? WhyUnavailable(HilSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.UsesSimulator)
        {
            return $"the target is the simulator ('{settings.Target}'), not a real Mini-KVM. Set HIL_SERIAL and HIL_VIDEO (and unset HIL_TARGET) to run it on a rig.";
        }

        if (settings.UsesFarm)
        {
            // The farm knows its rigs; a rig that is down is a rig fault found when it is leased and used.
            return null;
        }

        if (settings.PoolRigs.Count == 0)
        {
            return $"no Mini-KVM configured. Tried: {string.Join(", ", settings.Tried)}. Set HIL_SERIAL and HIL_VIDEO for a real rig.";
        }

        var problems = settings.PoolRigs.Select(Check).Where(p => p is not null).ToList();
        return problems.Count < settings.PoolRigs.Count ? null : string.Join("; ", problems);
    }

    private string? Check(RigSettings rig)
    {
        if (string.Equals(rig.Serial, "auto", StringComparison.OrdinalIgnoreCase))
        {
            if (!MiniKvmSerialAttached())
            {
                return $"rig '{rig.Name}': serial 'auto' found no Mini-KVM adapter (USB 1A86:7523 or 1A86:FE0C). Plug the Mini-KVM in, or set the serial path.";
            }
        }
        else if (rig.Serial.StartsWith('/') && !pathExists(rig.Serial))
        {
            return $"rig '{rig.Name}': serial port '{rig.Serial}' does not exist. Plug the Mini-KVM in, or fix HIL_SERIAL.";
        }

        if (rig.Video is { } video && video.StartsWith("/dev/", StringComparison.Ordinal) && !pathExists(video))
        {
            return $"rig '{rig.Name}': video device '{video}' does not exist. Plug the Mini-KVM in, or fix HIL_VIDEO.";
        }

        return null;
    }

    private bool MiniKvmSerialAttached()
    {
        var ttys = Path.Combine(sysfsRoot, "class/tty");
        if (!Directory.Exists(ttys))
        {
            return false;
        }

        foreach (var tty in Directory.EnumerateDirectories(ttys))
        {
            var name = Path.GetFileName(tty);
            if (!name.StartsWith("ttyUSB", StringComparison.Ordinal) && !name.StartsWith("ttyACM", StringComparison.Ordinal))
            {
                continue;
            }

            // Walk up from the tty's device to the USB device that carries idVendor/idProduct. The class entry is
            // itself a link, so resolve it before following its relative 'device' link.
            var realTty = ResolveLink(new DirectoryInfo(tty))?.FullName ?? tty;
            for (var current = ResolveLink(new DirectoryInfo(Path.Combine(realTty, "device"))); current is not null; current = current.Parent)
            {
                var vendor = Path.Combine(current.FullName, "idVendor");
                var product = Path.Combine(current.FullName, "idProduct");
                if (File.Exists(vendor) && File.Exists(product))
                {
                    var id = $"{File.ReadAllText(vendor).Trim()}:{File.ReadAllText(product).Trim()}".ToLowerInvariant();
                    if (MiniKvmSerialIds.Contains(id))
                    {
                        return true;
                    }

                    break;
                }
            }
        }

        return false;
    }

    private static DirectoryInfo? ResolveLink(DirectoryInfo link)
    {
        if (!link.Exists)
        {
            return null;
        }

        return link.ResolveLinkTarget(returnFinalTarget: true) as DirectoryInfo ?? link;
    }
}
