namespace Openterface.Hil.Farm;

/// <summary>Rig tags: `key=value` or a bare flag (`usb-switch`); compared exactly, stored sorted and distinct.</summary>
public static class RigTags
{
    public static IReadOnlyList<string> Normalize(IEnumerable<string>? tags)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in tags ?? [])
        {
            foreach (var part in raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (part.Any(char.IsWhiteSpace) || part.StartsWith('=') || part.EndsWith('='))
                {
                    throw new ArgumentException($"Tag '{part}' is not valid. Use key=value (board=rpi4) or a bare word (usb-switch), no spaces.", nameof(tags));
                }

                result.Add(part);
            }
        }

        return [.. result];
    }

    public static string Describe(IReadOnlyList<string> tags) => tags.Count == 0 ? "(any)" : string.Join(", ", tags);
}
