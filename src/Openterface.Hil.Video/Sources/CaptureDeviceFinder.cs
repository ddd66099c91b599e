namespace Openterface.Hil.Video;

/// <summary>
/// Finds V4L2 capture nodes through sysfs: <c>/sys/class/video4linux/videoN/device</c> leads to the USB
/// interface, whose parent holds idVendor/idProduct. UVC registers two nodes per camera (capture and metadata);
/// the capture node has <c>index</c> 0.
/// </summary>
internal static class CaptureDeviceFinder
{
    /// <summary>Openterface video chips: MS2109 (original), MS2109S (current), MS2130S (KVM-GO).</summary>
    internal static readonly (string Vendor, string Product, string Chip)[] OpenterfaceIds =
    [
        ("534d", "2109", "MS2109"),
        ("345f", "2109", "MS2109S"),
        ("345f", "2132", "MS2130S"),
    ];

    /// <summary>
    /// The Openterface capture node, e.g. "/dev/video0". With <paramref name="usbPort"/> (the USB port of the unit's
    /// video chip, from the Mini-KVM's discovery) the node of that unit; without it there must be only one unit, so
    /// video and serial never come from two different KVMs.
    /// </summary>
    internal static string FindOpenterface(string sysfsRoot, string deviceRoot, string? usbPort = null)
    {
        var classDir = Path.Combine(sysfsRoot, "class", "video4linux");
        var seen = new List<string>();
        var found = new List<(string Name, string Port)>();
        foreach (var node in Nodes(sysfsRoot))
        {
            var name = Path.GetFileName(node);
            var usb = UsbDeviceOf(node);
            var id = usb is null ? null : ReadId(usb);
            seen.Add(id is null ? name : $"{name} ({id.Value.Vendor}:{id.Value.Product})");
            if (usb is not null && id is { } known && IsCaptureNode(node) &&
                OpenterfaceIds.Any(o => o.Vendor == known.Vendor && o.Product == known.Product))
            {
                found.Add((name, Path.GetFileName(usb)));
            }
        }

        if (usbPort is not null)
        {
            var match = found.FirstOrDefault(f => f.Port == usbPort);
            if (match.Name is not null)
            {
                return Path.Combine(deviceRoot, match.Name);
            }
        }
        else if (found.Select(f => f.Port).Distinct().Count() > 1)
        {
            throw new VideoException(
                $"Found {found.Count} Openterface capture devices ({string.Join(", ", found.Select(f => $"'{Path.Combine(deviceRoot, f.Name)}' at USB port {f.Port}"))}); "
                + "'auto' needs exactly one so that video and keyboard come from the same unit. Pass --video /dev/videoN "
                + "(the node paired with your serial port: 'hil info --serial PORT --json' prints it).");
        }
        else if (found.Count > 0)
        {
            return Path.Combine(deviceRoot, found[0].Name);
        }

        var ids = string.Join(", ", OpenterfaceIds.Select(o => $"{o.Vendor.ToUpperInvariant()}:{o.Product} {o.Chip}"));
        var list = seen.Count == 0 ? "no video devices at all" : "only " + string.Join(", ", seen);
        throw new VideoException(
            $"No Openterface capture device found{(usbPort is null ? string.Empty : $" at USB port '{usbPort}'")} (looked for {ids} under '{classDir}'; found {list}). " +
            "Plug the Mini-KVM's host USB-C in, check 'lsusb', or pass the device explicitly (--video /dev/videoN).",
            isRigFault: true);
    }

    /// <summary>The USB port (sysfs device name, e.g. "1-2.1") of a /dev/videoN node; null when sysfs does not know it.</summary>
    internal static string? UsbPortOf(string devicePath, string sysfsRoot)
    {
        var name = Path.GetFileName(new FileInfo(devicePath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? devicePath);
        var node = Path.Combine(sysfsRoot, "class", "video4linux", name);
        return Directory.Exists(node) && UsbDeviceOf(node) is { } usb ? Path.GetFileName(usb) : null;
    }

    /// <summary>The capture node at <paramref name="usbPort"/> now (after a replug its number may differ), or null.</summary>
    internal static string? FindByUsbPort(string sysfsRoot, string deviceRoot, string usbPort)
    {
        foreach (var node in Nodes(sysfsRoot))
        {
            if (IsCaptureNode(node) && UsbDeviceOf(node) is { } usb && Path.GetFileName(usb) == usbPort)
            {
                return Path.Combine(deviceRoot, Path.GetFileName(node));
            }
        }

        return null;
    }

    /// <summary>videoN entries in numeric order (video9 before video10).</summary>
    private static IEnumerable<string> Nodes(string sysfsRoot)
    {
        var classDir = Path.Combine(sysfsRoot, "class", "video4linux");
        if (!Directory.Exists(classDir))
        {
            return [];
        }

        return Directory.GetFileSystemEntries(classDir, "video*")
            .OrderBy(n => int.TryParse(Path.GetFileName(n).AsSpan(5), out var number) ? number : int.MaxValue)
            .ThenBy(n => n, StringComparer.Ordinal);
    }

    /// <summary>Throws a clear error unless <paramref name="path"/> is a V4L2 device node listed in sysfs.</summary>
    internal static void EnsureCaptureDevice(string path, string sysfsRoot)
    {
        if (!File.Exists(path))
        {
            throw new VideoException(
                $"Video device '{path}' does not exist. Plug the Mini-KVM in, list devices with 'v4l2-ctl --list-devices', " +
                "or use 'auto'.",
                isRigFault: true);
        }

        var resolved = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        var name = Path.GetFileName(resolved);
        var node = Path.Combine(sysfsRoot, "class", "video4linux", name);
        if (!name.StartsWith("video", StringComparison.Ordinal) || !Directory.Exists(node))
        {
            throw new VideoException(
                $"'{path}' is not a V4L2 capture device ('{node}' does not exist). Pass the Openterface's /dev/videoN " +
                "(see 'v4l2-ctl --list-devices') or 'auto'.");
        }

        if (!IsCaptureNode(node))
        {
            throw new VideoException(
                $"'{path}' is a V4L2 metadata node, not the capture node. Use the first node of the camera (index 0) or 'auto'.");
        }
    }

    private static bool IsCaptureNode(string node)
    {
        var index = Path.Combine(node, "index");
        return !File.Exists(index) || File.ReadAllText(index).Trim() == "0";
    }

    /// <summary>The USB device directory above a video4linux node (through its <c>device</c> link, else its own path).</summary>
    private static string? UsbDeviceOf(string node)
    {
        var device = new DirectoryInfo(Path.Combine(node, "device"));
        var start = device.Exists
            ? device.ResolveLinkTarget(returnFinalTarget: true) as DirectoryInfo ?? device
            : new DirectoryInfo(node).ResolveLinkTarget(returnFinalTarget: true) as DirectoryInfo ?? new DirectoryInfo(node);
        var dir = new DirectoryInfo(Path.GetFullPath(start.FullName));
        for (var level = 0; dir is not null && level < 6; level++, dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "idVendor")) && File.Exists(Path.Combine(dir.FullName, "idProduct")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static (string Vendor, string Product)? ReadId(string usbDevice) =>
        (File.ReadAllText(Path.Combine(usbDevice, "idVendor")).Trim().ToLowerInvariant(),
         File.ReadAllText(Path.Combine(usbDevice, "idProduct")).Trim().ToLowerInvariant());
}
