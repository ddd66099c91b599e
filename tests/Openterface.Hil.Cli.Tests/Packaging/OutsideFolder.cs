using System.Xml.Linq;

namespace Openterface.Hil.Cli.Tests.Packaging;

/// <summary>
/// A temporary folder outside the repository, as a user's test repository would be: a nuget.config that adds only
/// the local feed next to the registry sources this machine already uses (read from the user-level NuGet config,
/// never written into the repository), its own NuGet package folder and template hive, so nothing cached by an
/// earlier run can hide a change.
/// </summary>
internal sealed class OutsideFolder : IDisposable
{
    public OutsideFolder(string repositoryRoot, string feed)
    {
        Path = Directory.CreateTempSubdirectory("hil-outside-").FullName;
        Assert.That(Path.StartsWith(repositoryRoot, StringComparison.Ordinal), Is.False, $"'{Path}' is inside the repository");
        var sources = new XElement("packageSources", new XElement("clear"), new XElement("add", new XAttribute("key", "hil-local-feed"), new XAttribute("value", feed)));
        foreach (var source in UserRegistrySources())
        {
            sources.Add(new XElement("add", new XAttribute("key", source.Key), new XAttribute("value", source.Value)));
        }

        new XDocument(new XElement("configuration", sources)).Save(System.IO.Path.Combine(Path, "nuget.config"));
        Environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = System.IO.Path.Combine(Path, ".nuget-packages"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
    }

    public string Path { get; }

    public string Hive => System.IO.Path.Combine(Path, ".template-hive");

    public IReadOnlyDictionary<string, string> Environment { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose() => Directory.Delete(Path, recursive: true);

    /// <summary>The package sources of ~/.nuget/NuGet/NuGet.Config (the machine's normal registry), local folders left out.</summary>
    private static IEnumerable<KeyValuePair<string, string>> UserRegistrySources()
    {
        var home = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        var config = new[] { "NuGet.Config", "nuget.config", "NuGet.config" }
            .Select(name => System.IO.Path.Combine(home, ".nuget", "NuGet", name)).FirstOrDefault(File.Exists);
        if (config is null)
        {
            yield break;
        }

        var document = XDocument.Load(config);
        foreach (var add in document.Root?.Element("packageSources")?.Elements("add") ?? [])
        {
            var key = (string?)add.Attribute("key");
            var value = (string?)add.Attribute("value");
            if (key is not null && value is not null && value.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                yield return new(key, value);
            }
        }
    }
}
