using System.Text;

namespace Openterface.Hil.Device;

/// <summary>
/// Finds Mini-KVMs in sysfs (reference §1): control ports CH340 1A86:7523 (gen1) and CH32V208 1A86:FE0C (gen2/3),
/// paired with their video device (534D:2109 MS2109, 345F:2109 MS2109S, 345F:2132 MS2130S) by USB hub, as the vendor
/// app does: the same hub, a sub-hub of it, or (USB3 hubs, which enumerate on two buses) its twin through the hub
/// port's <c>peer</c> link; last, exactly one unpaired FE0C with exactly one unpaired MS2130S. A CH340 without a video
/// sibling (some other USB-serial adapter) is never picked.
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
            seen.Append($"{Environment.NewLine}  {node.Class} {node.Name}: USB {node.UsbId} at port {Path.GetFileName(node.UsbDevice)}");
        }

        if (scan.Kvms.Count > 1)
        {
            throw new DeviceNotFoundException(
                $"Found {scan.Kvms.Count} Mini-KVMs ({string.Join(", ", scan.Kvms.Select(k => $"'{k.SerialPath}' with '{k.VideoPath}'"))}); 'auto' needs exactly one. Pass --serial with the port to use.");
        }

        throw new DeviceNotFoundException(
            "No Openterface Mini-KVM found in sysfs (a CH340 1A86:7523 or CH32V208 1A86:FE0C serial port on the same USB hub as an MS2109/MS2130 video device). "
            + (scan.Nodes.Count == 0 ? "No candidate USB serial or video device was seen." : "Seen:" + seen)
            + $"{Environment.NewLine}Remedy: check the Mini-KVM's host USB cable (both video and serial must enumerate); remove 'brltty' if it grabs the CH340 (apt remove brltty); "
            + "install the Openterface udev rule or add your user to 'dialout'; or pass --serial /dev/ttyUSBn explicitly.");
    }

    /// <summary>
    /// What sysfs knows about an explicit serial path (/dev/ttyUSB0, a /dev/serial/by-id link): its USB id and port,
    /// paired video and hidraw when found. Null for a pty, a built-in UART or a path sysfs does not list.
    /// </summary>
    internal DiscoveredKvm? FindBySerialPath(string serialPath)
    {
        var names = new List<string> { Path.GetFileName(serialPath) };
        try
        {
            if (new FileInfo(serialPath).ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                names.Add(Path.GetFileName(target.FullName));
            }
        }
        catch (IOException)
        {
        }

        var scan = Scan();
        return scan.All.FirstOrDefault(k => names.Contains(Path.GetFileName(k.SerialPath)));
    }

    /// <summary>The unit whose control port sits at USB port <paramref name="usbPort"/> now (after a replug: new node names).</summary>
    internal DiscoveredKvm? FindByUsbPort(string usbPort) => Scan().All.FirstOrDefault(k => k.UsbPort == usbPort);

    private ScanResult Scan()
    {
        var serials = Nodes("tty").Where(n => SerialIds.Contains(n.UsbId)).OrderByNodeNumber(n => n.Name).ToList();
        var videos = Nodes("video4linux").Where(n => VideoIds.Contains(n.UsbId))
            .GroupBy(n => n.UsbDevice)
            .Select(g => g.OrderBy(n => n.Index ?? 0).ThenBy(n => UsbTopology.NodeNumber(n.Name)).First())
            .OrderByNodeNumber(n => n.Name).ToList();
        var hidraws = Nodes("hidraw").Where(n => VideoIds.Contains(n.UsbId)).OrderByNodeNumber(n => n.Name).ToList();
        var pairs = new Dictionary<Node, Node>();
        foreach (var serial in serials)
        {
            if (PairedVideo(serial, videos.Where(v => !pairs.ContainsValue(v)).ToList()) is { } video)
            {
                pairs[serial] = video;
            }
        }

        // Last resort (KVM-GO on a host whose sysfs lacks peer links): one unpaired FE0C and one unpaired MS2130S.
        var lonelySerials = serials.Where(s => !pairs.ContainsKey(s) && s.UsbId == "1a86:fe0c").ToList();
        var lonelyVideos = videos.Where(v => !pairs.ContainsValue(v) && v.UsbId == "345f:2132").ToList();
        if (lonelySerials.Count == 1 && lonelyVideos.Count == 1)
        {
            pairs[lonelySerials[0]] = lonelyVideos[0];
        }

        var all = serials.Select(s => Describe(s, pairs.GetValueOrDefault(s), hidraws)).ToList();
        var kvms = all.Where(k => k.VideoPath is not null).ToList();
        return new ScanResult(kvms, all, serials.Concat(videos).Concat(hidraws).ToList());
    }

    private static Node? PairedVideo(Node serial, IReadOnlyList<Node> videos)
    {
        var hub = UsbTopology.Parent(serial.UsbDevice);
        var hubs = new[] { hub, UsbTopology.Parent(hub) }.Where(UsbTopology.IsDevice).ToList();
        foreach (var candidate in hubs)
        {
            var twins = UsbTopology.HubAndTwin(candidate);
            if (videos.FirstOrDefault(v => twins.Contains(UsbTopology.Parent(v.UsbDevice))) is { } video)
            {
                return video;
            }
        }

        // Port paths without the bus number: the hub's SuperSpeed and USB2 halves sit at the same root port number.
        foreach (var candidate in hubs)
        {
            var chain = UsbTopology.PortChain(candidate);
            if (videos.FirstOrDefault(v => UsbTopology.IsDevice(UsbTopology.Parent(v.UsbDevice))
                && UsbTopology.PortChain(UsbTopology.Parent(v.UsbDevice)) == chain) is { } video)
            {
                return video;
            }
        }

        return null;
    }

    private DiscoveredKvm Describe(Node serial, Node? video, IReadOnlyList<Node> hidraws)
    {
        var hid = video is null ? null : hidraws.FirstOrDefault(h => h.UsbDevice == video.UsbDevice);
        return new DiscoveredKvm(
            Path.Combine(devRoot, serial.Name),
            serial.UsbId.ToUpperInvariant(),
            video is null ? null : Path.Combine(devRoot, video.Name),
            video?.UsbId.ToUpperInvariant(),
            hid is null ? null : Path.Combine(devRoot, hid.Name),
            Path.GetFileName(serial.UsbDevice),
            GenerationOf(serial.UsbId, video?.UsbId),
            video is null ? null : Path.GetFileName(video.UsbDevice));
    }

    private static string GenerationOf(string serialId, string? videoId) => (serialId, videoId) switch
    {
        ("1a86:7523", _) => "gen1 (MS2109 + CH340/CH9329)",
        (_, "345f:2132") => "KVM-GO (MS2130S + CH32V208)",
        _ => "gen2 (MS2109S + CH32V208)",
    };

    private IEnumerable<Node> Nodes(string className)
    {
        var classDir = Path.Combine(sysfsRoot, "class", className);
        if (!Directory.Exists(classDir))
        {
            yield break;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(classDir))
        {
            var real = Resolve(entry);
            var usb = FindUsbDevice(real);
            if (usb is null)
            {
                continue;
            }

            var id = $"{ReadId(usb, "idVendor")}:{ReadId(usb, "idProduct")}";
            yield return new Node(className, Path.GetFileName(entry), id, usb, ReadIndex(real));
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

    private static int? ReadIndex(string node)
    {
        try
        {
            var file = Path.Combine(node, "index");
            return File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), out var index) ? index : null;
        }
        catch (IOException)
        {
            return null;
        }
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

    private sealed record Node(string Class, string Name, string UsbId, string UsbDevice, int? Index);

    private sealed record ScanResult(IReadOnlyList<DiscoveredKvm> Kvms, IReadOnlyList<DiscoveredKvm> All, IReadOnlyList<Node> Nodes);
}
