namespace Openterface.Hil.Farm;

/// <summary>A rig in the farm's inventory: its Mini-KVM's URIs and its tags (`board=rpi4`, `gen=2`, `usb-switch`).</summary>
public sealed record FarmRig(string Name, string Serial, string? Video, string? Console, string? Power, IReadOnlyList<string> Tags)
{
    /// <summary>True when the rig carries every tag in <paramref name="wanted"/>.</summary>
    public bool HasTags(IEnumerable<string> wanted) => wanted.All(t => Tags.Contains(t, StringComparer.Ordinal));
}
