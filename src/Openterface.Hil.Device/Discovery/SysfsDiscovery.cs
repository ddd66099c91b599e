using System.Text;

namespace Openterface.Hil.Device;

/// <summary>
/// Finds Mini-KVMs in sysfs (reference §1): control ports CH340 1A86:7523 (gen1) and CH32V208 1A86:FE0C (gen2/3),
/// paired with their video device (534D:2109 MS2109, 345F:2109 MS2109S, 345F:2132 MS2130S) by parent USB hub, as the
/// vendor app does. A CH340 without a video sibling (some other USB-serial adapter) is never picked.
/// </summary>
internal sealed class SysfsDiscovery(string sysfsRoot = "/sys", string devRoot = "/dev")
{
    internal static readonly string[] SerialIds = ["1a86:7523", "1a86:fe0c"];
    internal static readonly string[] VideoIds = ["534d:2109", "345f:2109", "345f:2132"];

    internal IReadOnlyList<DiscoveredKvm> FindAll() => Scan().Kvms;

    /// <summary>The one Mini-KVM on this host; throws <see cref="DeviceNotFoundException"/> listing what was seen.</summary>
    internal DiscoveredKvm FindOne()
    {
        var scan = Scan();
        if (scan.Kvms.Count == 1)
        {
            return scan.Kvms[0];
        }

        var seen = new StringBuilder();
        foreach (var node in scan.Nodes)
        {
            seen.Append($"{Environment.NewLine}  {node.Class} {node.Name}: USB {node.UsbId} at port {node.UsbPort}");
        }

        if (scan.Kvms.Count > 1)
        {
            throw new DeviceNotFoundException(
                $"Found {scan.Kvms.Count} Mini-KVMs ({string.Join(", ", scan.Kvms.Select(k => $"'{k.SerialPath}'"))}); 'auto' needs exactly one. Pass --serial with the port to use.");
        }

        throw new DeviceNotFoundException(
            "No Openterface Mini-KVM found in sysfs (a CH340 1A86:7523 or CH32V208 1A86:FE0C serial port on the same USB hub as an MS2109/MS2130 video device). "
            + (scan.Nodes.Count == 0 ? "No candidate USB serial or video device was seen." : "Seen:" + seen)
            + $"{Environment.NewLine}Remedy: check the Mini-KVM's host USB cable (both video and serial must enumerate); remove 'brltty' if it grabs the CH340 (apt remove brltty); "
            + "install the Openterface udev rule or add your user to 'dialout'; or pass --serial /dev/ttyUSBn explicitly.");
    }

    private (IReadOnlyList<DiscoveredKvm> Kvms, IReadOnlyList<Node> Nodes) Scan()
    {
        var serials = Nodes("tty").Where(n => SerialIds.Contains(n.UsbId)).ToList();
        var videos = Nodes("video4linux").Where(n => VideoIds.Contains(n.UsbId))
            .GroupBy(n => n.UsbDevice).Select(g => g.OrderBy(n => n.Name, StringComparer.Ordinal).First()).ToList();
        var hidraws = Nodes("hidraw").Where(n => VideoIds.Contains(n.UsbId)).ToList();
        var kvms = new List<DiscoveredKvm>();
        foreach (var serial in serials.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            // Same internal hub; or (KVM-GO USB3 variant) the serial sits on a sub-hub of the video's hub. Root hubs
            // (usbN) never count: two unrelated devices on root ports share them.
            var hub = Parent(serial.UsbDevice);
            var video = videos.FirstOrDefault(v => IsHub(hub) && Parent(v.UsbDevice) == hub)
                ?? videos.FirstOrDefault(v => IsHub(Parent(hub)) && Parent(v.UsbDevice) == Parent(hub));
            if (video is null)
            {
                continue;
            }

            var hid = hidraws.FirstOrDefault(h => h.UsbDevice == video.UsbDevice);
            kvms.Add(new DiscoveredKvm(
                Path.Combine(devRoot, serial.Name),
                serial.UsbId.ToUpperInvariant(),
                Path.Combine(devRoot, video.Name),
                video.UsbId.ToUpperInvariant(),
                hid is null ? null : Path.Combine(devRoot, hid.Name),
                Path.GetFileName(serial.UsbDevice),
                GenerationOf(serial.UsbId, video.UsbId)));
        }

        return (kvms, serials.Concat(videos).Concat(hidraws).ToList());
    }

    private static string GenerationOf(string serialId, string videoId) => (serialId, videoId) switch
    {
        ("1a86:7523", _) => "gen1 (MS2109 + CH340/CH9329)",
        (_, "345f:2132") => "KVM-GO (MS2130S + CH32V208)",
        _ => "gen2 (MS2109S + CH32V208)",
    };

    private static bool IsHub(string usbDevice) =>
        File.Exists(Path.Combine(usbDevice, "idVendor")) && !Path.GetFileName(usbDevice).StartsWith("usb", StringComparison.Ordinal);

    private static string Parent(string path) => Path.GetDirectoryName(path) ?? path;

    private IEnumerable<Node> Nodes(string className)
    {
        var classDir = Path.Combine(sysfsRoot, "class", className);
        if (!Directory.Exists(classDir))
        {
            yield break;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(classDir).Order(StringComparer.Ordinal))
        {
            var real = Resolve(entry);
            var usb = FindUsbDevice(real);
            if (usb is null)
            {
                continue;
            }

            var id = $"{ReadId(usb, "idVendor")}:{ReadId(usb, "idProduct")}";
            yield return new Node(className, Path.GetFileName(entry), id, usb, Path.GetFileName(usb));
        }
    }

    private static string Resolve(string path)
    {
        try
        {
            var target = new DirectoryInfo(path).ResolveLinkTarget(returnFinalTarget: true);
            return target is null ? Path.GetFullPath(path) : Path.GetFullPath(target.FullName);
        }
        catch (IOException)
        {
            return Path.GetFullPath(path);
        }
    }

    private string? FindUsbDevice(string path)
    {
        var root = Path.GetFullPath(sysfsRoot);
        for (var dir = path; dir is not null && dir.Length > root.Length; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "idVendor")) && File.Exists(Path.Combine(dir, "idProduct")))
            {
                return dir;
            }
        }

        return null;
    }

    private static string ReadId(string dir, string file)
    {
        try
        {
            return File.ReadAllText(Path.Combine(dir, file)).Trim().ToLowerInvariant();
        }
        catch (IOException)
        {
            return "????";
        }
    }

    private sealed record Node(string Class, string Name, string UsbId, string UsbDevice, string UsbPort);
}
