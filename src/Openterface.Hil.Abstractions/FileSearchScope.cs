namespace Openterface.Hil;

/// <summary>
/// How far up the framework looks for files it trusts (hil.json, the results folder, the QEMU target image): from
/// the test project's folder up to its repository root (a folder with <c>.git</c> or <c>Openterface.Hil.sln</c>) or
/// the user's home, whichever comes first, never above. Outside both, the search stops at the nearest folder holding
/// a project file (*.csproj, *.sln), so a project in /tmp never reads /tmp/hil.json or /hil.json.
/// </summary>
internal sealed class FileSearchScope
{
    private FileSearchScope(IReadOnlyList<string> folders, string? repositoryRoot, string? projectFolder)
    {
        Folders = folders;
        RepositoryRoot = repositoryRoot;
        ProjectFolder = projectFolder;
    }

    /// <summary>The folders searched, nearest first; the last one is the boundary.</summary>
    public IReadOnlyList<string> Folders { get; }

    public string Boundary => Folders[^1];

    /// <summary>The repository holding the start folder, if any.</summary>
    public string? RepositoryRoot { get; }

    /// <summary>The nearest folder at or above the start holding a project file, if any.</summary>
    public string? ProjectFolder { get; }

    /// <summary>Where relative defaults (reports/allure-results, needles) are resolved: repository root, else project folder, else start.</summary>
    public string BaseFolder => RepositoryRoot ?? ProjectFolder ?? Folders[0];

    /// <summary>The scope for <paramref name="start"/>; <paramref name="home"/> defaults to the user's home folder.</summary>
    public static FileSearchScope From(string start, string? home = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(start);
        home = Normalize(home ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
        var chain = new List<string>();
        string? repository = null;
        string? project = null;
        for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory is not null; directory = directory.Parent)
        {
            chain.Add(directory.FullName);
            project ??= HoldsProject(directory) ? directory.FullName : null;
            if (IsRepositoryRoot(directory))
            {
                repository = directory.FullName;
                return new FileSearchScope(chain, repository, project);
            }

            if (home is not null && string.Equals(Normalize(directory.FullName), home, StringComparison.Ordinal))
            {
                return new FileSearchScope(chain, null, project);
            }
        }

        var stop = project is null ? 1 : chain.IndexOf(project) + 1;
        return new FileSearchScope(chain.Take(stop).ToList(), null, project);
    }

    /// <summary>True when <paramref name="path"/> is one of the searched folders or lies below the boundary.</summary>
    public bool Contains(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var boundary = Path.TrimEndingDirectorySeparator(Boundary);
        return boundary == "/" || full == boundary || full.StartsWith(boundary + "/", StringComparison.Ordinal);
    }

    internal static bool IsRepositoryRoot(DirectoryInfo directory) =>
        File.Exists(Path.Combine(directory.FullName, "Openterface.Hil.sln"))
        || Directory.Exists(Path.Combine(directory.FullName, ".git"))
        || File.Exists(Path.Combine(directory.FullName, ".git"));

    private static bool HoldsProject(DirectoryInfo directory)
    {
        try
        {
            return directory.EnumerateFiles("*.csproj").Any() || directory.EnumerateFiles("*.sln").Any();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    private static string? Normalize(string? path) =>
        string.IsNullOrEmpty(path) || path == "/" ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}
