namespace Openterface.Hil.Imaging;

/// <summary>Validates a needle folder without stopping at the first problem (`hil needle check`).</summary>
internal static class NeedleChecker
{
    internal static List<string> Check(string directory, out int good)
    {
        var problems = new List<string>();
        good = 0;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var json in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!names.Add(Path.GetFileNameWithoutExtension(json)))
            {
                problems.Add($"Needle name '{Path.GetFileNameWithoutExtension(json)}' is used twice (second: '{json}'). Rename one of them.");
                continue;
            }

            if (NeedleLoader.TryLoad(json, problems) is not null)
            {
                good++;
            }
        }

        foreach (var png in Directory.EnumerateFiles(directory, "*.png", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.ChangeExtension(png, ".json")))
            {
                problems.Add($"Image '{png}' has no needle JSON next to it. Add '{Path.GetFileNameWithoutExtension(png)}.json' or remove the image.");
            }
        }

        return problems;
    }
}
