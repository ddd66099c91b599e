using System.Globalization;

namespace Openterface.Hil.Device;

/// <summary>
/// Walks sysfs USB device directories: parents, hubs, and the hub twin a USB3 hub has on the other bus (the kernel's
/// <c>peer</c> link under a hub port names the same physical port on the SuperSpeed or the USB2 bus).
/// </summary>
internal static class UsbTopology
{
    internal static string Parent(string path) => Path.GetDirectoryName(path) ?? path;

    /// <summary>A USB device directory that is not a root hub (usbN): two devices on root ports share nothing.</summary>
    internal static bool IsDevice(string usbDevice) =>
        File.Exists(Path.Combine(usbDevice, "idVendor")) && !Path.GetFileName(usbDevice).StartsWith("usb", StringComparison.Ordinal);

    /// <summary>The hub and, for a USB3 hub, its twin on the other bus (found through the upstream port's peer link).</summary>
    internal static IReadOnlyList<string> HubAndTwin(string hub)
    {
        var twin = Twin(hub);
        return twin is null ? [hub] : [hub, twin];
    }

    /// <summary>"1-3.3.1" → "3.3.1": the port chain without the bus number.</summary>
    internal static string PortChain(string usbDevice)
    {
        var name = Path.GetFileName(usbDevice);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? name : name[(dash + 1)..];
    }

    /// <summary>Sorts node names such as video9 and video10 by their number, not as strings.</summary>
    internal static IOrderedEnumerable<T> OrderByNodeNumber<T>(this IEnumerable<T> items, Func<T, string> name) =>
        items.OrderBy(i => Prefix(name(i)), StringComparer.Ordinal).ThenBy(i => NodeNumber(name(i)));

    private static string? Twin(string hub)
    {
        var parent = Parent(hub);
        var parentName = Path.GetFileName(parent);
        var name = Path.GetFileName(hub);
        var separator = Math.Max(name.LastIndexOf('.'), name.LastIndexOf('-'));
        if (separator < 0 || !Directory.Exists(parent))
        {
            return null;
        }

        var portName = $"{parentName}-port{name[(separator + 1)..]}";
        foreach (var intf in Directory.EnumerateDirectories(parent, "*:1.0"))
        {
            var peer = Path.Combine(intf, portName, "peer");
            if (!Directory.Exists(peer))
            {
                continue;
            }

            var twinPort = Path.GetFullPath(new DirectoryInfo(peer).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? peer);
            var twinParent = Parent(Parent(twinPort));
            var twinParentName = Path.GetFileName(twinParent);
            var number = Path.GetFileName(twinPort)[(Path.GetFileName(twinPort).LastIndexOf("-port", StringComparison.Ordinal) + 5)..];
            var twinName = twinParentName.StartsWith("usb", StringComparison.Ordinal) ? $"{twinParentName[3..]}-{number}" : $"{twinParentName}.{number}";
            var twin = Path.Combine(twinParent, twinName);
            return Directory.Exists(twin) ? twin : null;
        }

        return null;
    }

    private static string Prefix(string name) => name.TrimEnd("0123456789".ToCharArray());

    internal static long NodeNumber(string name)
    {
        var digits = name[Prefix(name).Length..];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
    }
}
