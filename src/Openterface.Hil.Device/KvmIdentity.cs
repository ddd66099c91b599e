namespace Openterface.Hil.Device;

/// <summary>
/// Who the serial URI belongs to: the sysfs unit (USB ids and ports) and the control chip. A replug changes node
/// numbers but not the physical USB port, so the port and the hidraw node are found again by USB port.
/// </summary>
internal sealed class KvmIdentity
{
    private readonly SysfsDiscovery _discovery;

    private KvmIdentity(string serialUri, DiscoveredKvm? unit, ControlChip chip, SysfsDiscovery discovery)
    {
        SerialUri = serialUri;
        Unit = unit;
        Chip = chip;
        _discovery = discovery;
    }

    public string SerialUri { get; }

    public DiscoveredKvm? Unit { get; }

    public ControlChip Chip { get; }

    /// <summary>Finds the port again after it vanished: same USB port (new ttyUSBn), else the same path.</summary>
    public Func<CancellationToken, ValueTask<string>>? Resolver => Unit is { } unit
        ? _ => ValueTask.FromResult(_discovery.FindByUsbPort(unit.UsbPort)?.SerialPath ?? SerialUri)
        : null;

    public static KvmIdentity Resolve(string uri, MiniKvmOptions options)
    {
        var discovery = new SysfsDiscovery(options.SysfsRoot, options.DevRoot);
        DiscoveredKvm? unit = null;
        if (string.Equals(uri, "auto", StringComparison.OrdinalIgnoreCase))
        {
            unit = discovery.FindOne();
            uri = unit.SerialPath;
        }
        else if (uri.StartsWith('/'))
        {
            unit = discovery.FindBySerialPath(uri);
        }

        var chip = options.Chip ?? ChipFromQuery(uri) ?? unit?.Chip ?? ControlChip.Unknown;
        return new KvmIdentity(uri, unit, chip, discovery);
    }

    /// <summary>The MS2109 hidraw node next to the serial port in use now (re-resolved after a replug).</summary>
    public string? FindHidraw(string currentSerialPath)
    {
        if (Unit is null)
        {
            return null;
        }

        return (_discovery.FindBySerialPath(currentSerialPath) ?? _discovery.FindByUsbPort(Unit.UsbPort))?.HidrawPath;
    }

    private static ControlChip? ChipFromQuery(string uri)
    {
        var query = uri.IndexOf('?', StringComparison.Ordinal);
        if (query < 0 || !uri.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var pair in uri[(query + 1)..].Split('&'))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0] == "chip")
            {
                return ControlChips.Parse(parts[1]);
            }
        }

        return null;
    }
}
