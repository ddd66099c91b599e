namespace Openterface.Hil.Imaging;

/// <summary>
/// Every needle in a folder (and its subfolders), loaded once and indexed by name (file name without extension)
/// and by tag. Lookups by name win over tags.
/// </summary>
public sealed class NeedleSet
{
    private readonly Dictionary<string, Needle> _byName;
    private readonly Dictionary<string, List<Needle>> _byTag;

    private NeedleSet(string directory, List<Needle> needles)
    {
        Directory = directory;
        _byName = needles.ToDictionary(n => n.Name, StringComparer.Ordinal);
        _byTag = new Dictionary<string, List<Needle>>(StringComparer.Ordinal);
        foreach (var needle in needles)
        {
            foreach (var tag in needle.Tags.Distinct(StringComparer.Ordinal))
            {
                if (!_byTag.TryGetValue(tag, out var list))
                {
                    _byTag[tag] = list = [];
                }

                list.Add(needle);
            }
        }
    }

    public string Directory { get; }

    public IReadOnlyCollection<Needle> All => _byName.Values;

    /// <summary>Loads every *.json needle under <paramref name="directory"/>; any bad needle fails the load with all problems listed.</summary>
    public static NeedleSet LoadFolder(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new ImagingException($"Needle folder '{directory}' does not exist. Check the path or create needles with 'hil needle create'.");
        }

        var problems = new List<string>();
        var needles = new List<Needle>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var json in System.IO.Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(json);
            if (seen.TryGetValue(name, out var first))
            {
                problems.Add($"Needle name '{name}' is used twice: '{first}' and '{json}'. Rename one of them.");
                continue;
            }

            seen[name] = json;
            if (NeedleLoader.TryLoad(json, problems) is { } needle)
            {
                needles.Add(needle);
            }
        }

        if (problems.Count > 0)
        {
            throw new ImagingException(
                $"Needle folder '{directory}' has {problems.Count} problem(s) (run 'hil needle check {directory}'):{Environment.NewLine}" +
                string.Join(Environment.NewLine, problems));
        }

        return new NeedleSet(directory, needles);
    }

    /// <summary>
    /// openQA's lookup: the needle with this name, else every needle carrying this tag (any of them may match; the
    /// decision names which, see <see cref="NeedleMatcher.MatchAny"/>). A clear error listing close names when none.
    /// </summary>
    public IReadOnlyList<Needle> Resolve(string nameOrTag)
    {
        ArgumentNullException.ThrowIfNull(nameOrTag);
        if (_byName.TryGetValue(nameOrTag, out var needle))
        {
            return [needle];
        }

        if (_byTag.TryGetValue(nameOrTag, out var tagged))
        {
            return tagged;
        }

        throw NotFound(nameOrTag);
    }

    /// <summary>The needle with this name, or the only needle with this tag; use <see cref="Resolve"/> for a tag naming several.</summary>
    public Needle Get(string nameOrTag)
    {
        if (TryGet(nameOrTag, out var needle))
        {
            return needle!;
        }

        if (_byTag.TryGetValue(nameOrTag, out var several))
        {
            throw new ImagingException(
                $"Tag '{nameOrTag}' names {several.Count} needles ({string.Join(", ", several.Select(n => $"'{n.Name}'"))}); " +
                "use Resolve() to match any of them, or a needle name.");
        }

        throw NotFound(nameOrTag);
    }

    private ImagingException NotFound(string nameOrTag)
    {
        var close = CloseNames(nameOrTag);
        var hint = close.Count > 0 ? $"Did you mean {string.Join(", ", close.Select(c => $"'{c}'"))}?" : "Create it with 'hil needle create'.";
        return new ImagingException($"No needle or tag '{nameOrTag}' in '{Directory}' ({_byName.Count} needles). {hint}");
    }

    public bool TryGet(string nameOrTag, out Needle? needle)
    {
        ArgumentNullException.ThrowIfNull(nameOrTag);
        if (_byName.TryGetValue(nameOrTag, out needle))
        {
            return true;
        }

        if (_byTag.TryGetValue(nameOrTag, out var tagged) && tagged.Count == 1)
        {
            needle = tagged[0];
            return true;
        }

        needle = null;
        return false;
    }

    /// <summary>Every needle carrying <paramref name="tag"/> (empty when none).</summary>
    public IReadOnlyList<Needle> WithTag(string tag) =>
        _byTag.TryGetValue(tag, out var list) ? list : [];

    private List<string> CloseNames(string wanted) =>
        _byName.Keys.Concat(_byTag.Keys).Distinct(StringComparer.Ordinal)
            .Select(k => (Key: k, Distance: EditDistance.Between(wanted.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(2, wanted.Length / 3) || c.Key.Contains(wanted, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Distance).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(5).Select(c => c.Key).ToList();
}
