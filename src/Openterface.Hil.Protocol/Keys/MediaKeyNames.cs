using System.Text;

namespace Openterface.Hil.Protocol;

/// <summary>
/// Case-insensitive names of the media keys of command 03 (<see cref="MediaKeys"/>): each flag's name in kebab case
/// ("volume-up", "play-pause", "www-back") plus a few short aliases ("vol-up", "next", "prev", "play").
/// </summary>
public static class MediaKeyNames
{
    private static readonly Dictionary<string, MediaKeys> Names = Build();

    /// <summary>Every accepted name, for help and suggestions.</summary>
    public static IReadOnlyCollection<string> All => Names.Keys;

    /// <summary>The media key called <paramref name="name"/>; an unknown name is an <see cref="ArgumentException"/> naming close ones.</summary>
    public static MediaKeys Parse(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Names.TryGetValue(name.Trim(), out var key))
        {
            return key;
        }

        var close = EditDistance.Closest(name.Trim(), Names.Keys);
        var hint = close.Count > 0 ? $" Did you mean {string.Join(", ", close.Select(c => $"'{c}'"))}?" : string.Empty;
        throw new ArgumentException(
            $"Unknown media key '{name}'.{hint} Media keys are {string.Join(", ", Enum.GetValues<MediaKeys>().Where(k => k != MediaKeys.None).Select(NameOf))}.",
            nameof(name));
    }

    /// <summary>The kebab-case name of one key ("volume-up").</summary>
    public static string NameOf(MediaKeys key)
    {
        var text = key.ToString();
        var name = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (char.IsUpper(c) && name.Length > 0)
            {
                name.Append('-');
            }

            name.Append(char.ToLowerInvariant(c));
        }

        return name.ToString();
    }

    private static Dictionary<string, MediaKeys> Build()
    {
        var names = new Dictionary<string, MediaKeys>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in Enum.GetValues<MediaKeys>().Where(k => k != MediaKeys.None))
        {
            names[NameOf(key)] = key;
        }

        names["vol-up"] = MediaKeys.VolumeUp;
        names["vol-down"] = MediaKeys.VolumeDown;
        names["play"] = MediaKeys.PlayPause;
        names["next"] = MediaKeys.NextTrack;
        names["prev"] = MediaKeys.PreviousTrack;
        names["previous"] = MediaKeys.PreviousTrack;
        return names;
    }
}
