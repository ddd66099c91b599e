namespace Openterface.Hil.Imaging.Tests.Matching.Corpus;

/// <summary>Paths in the source checkout (fixtures live in the repository, not in the build output).</summary>
internal static class RepoPaths
{
    internal static string Root { get; } = FindRoot();

    internal static string Needles => Path.Combine(Root, "fixtures", "needles", "corpus");

    internal static string Screens => Path.Combine(Root, "fixtures", "screens", "matching");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Openterface.Hil.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Openterface.Hil.sln above '{AppContext.BaseDirectory}'.");
    }
}
