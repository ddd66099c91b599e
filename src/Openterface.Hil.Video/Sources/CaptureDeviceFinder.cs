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

    /// <summary>The Openterface capture node, e.g. "/dev/video0".</summary>
    internal static string FindOpenterface(string sysfsRoot, string deviceRoot)
    {
        var classDir = Path.Combine(sysfsRoot, "class", "video4linux");
        var seen = new List<string>();
        if (Directory.Exists(classDir))
        {
            foreach (var node in Directory.GetDirectories(classDir, "video*").Order(StringComparer.Ordinal).OrderBy(n => n.Length))
            {
                var name = Path.GetFileName(node);
                var usb = UsbIdOf(node);
                seen.Add(usb is null ? name : $"{name} ({usb.Value.Vendor}:{usb.Value.Product})");
                if (usb is { } id && IsCaptureNode(node) &&
                    OpenterfaceIds.Any(o => o.Vendor == id.Vendor && o.Product == id.Product))
                {
                    return Path.Combine(deviceRoot, name);
                }
            }
        }

        var ids = string.Join(", ", OpenterfaceIds.Select(o => $"{o.Vendor.ToUpperInvariant()}:{o.Product} {o.Chip}"));
        var found = seen.Count == 0 ? "no video devices at all" : "only " + string.Join(", ", seen);
        throw new VideoException(
            $"No Openterface capture device found (looked for {ids} under '{classDir}'; found {found}). " +
            "Plug the Mini-KVM's host USB-C in, check 'lsusb', or pass the device explicitly (--video /dev/videoN).",
            isRigFault: true);
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

    private static (string Vendor, string Product)? UsbIdOf(string node)
    {
        var device = new DirectoryInfo(Path.Combine(node, "device"));
        if (!device.Exists)
        {
            return null;
        }

        var dir = device.ResolveLinkTarget(returnFinalTarget: true) as DirectoryInfo ?? device;
        for (var level = 0; dir is not null && level < 4; level++, dir = dir.Parent)
        {
            var vendor = Path.Combine(dir.FullName, "idVendor");
            var product = Path.Combine(dir.FullName, "idProduct");
            if (File.Exists(vendor) && File.Exists(product))
            {
                return (File.ReadAllText(vendor).Trim().ToLowerInvariant(), File.ReadAllText(product).Trim().ToLowerInvariant());
            }
        }

        return null;
    }
}
