namespace Openterface.Hil.Benchmarks.Ocr;

/// <summary>Finds fixtures/ in the source tree the benchmarks run from.</summary>
internal static class Fixtures
{
    internal static string OcrCorpus => Path.Combine(RepositoryRoot(), "fixtures", "screens", "ocr");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Openterface.Hil.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (Openterface.Hil.sln) not found above " + AppContext.BaseDirectory);
    }
}
