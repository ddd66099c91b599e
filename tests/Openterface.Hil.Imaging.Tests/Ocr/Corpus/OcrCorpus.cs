namespace Openterface.Hil.Imaging.Tests.Ocr.Corpus;

/// <summary>One corpus image: its file, the true text, and how it was made (screen, resolution, degradation).</summary>
internal sealed record CorpusEntry(string ImagePath, string Truth, string Screen, string Resolution, string Degradation)
{
    public override string ToString() => Path.GetFileName(ImagePath);
}

/// <summary>The OCR corpus in fixtures/screens/ocr: name-resolution-degradation.(png|jpg) next to a .txt with the true text.</summary>
internal static class OcrCorpus
{
    internal static string Directory => Path.Combine(RepositoryRoot(), "fixtures", "screens", "ocr");

    internal static IReadOnlyList<CorpusEntry> Entries()
    {
        var entries = new List<CorpusEntry>();
        foreach (var image in System.IO.Directory.EnumerateFiles(Directory).Where(f => f.EndsWith(".png", StringComparison.Ordinal) ||
                     f.EndsWith(".jpg", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(image);
            var parts = stem.Split('_');
            var truth = File.ReadAllText(Path.ChangeExtension(image, ".txt"));
            entries.Add(new CorpusEntry(image, truth, parts[0], parts[1], parts[2]));
        }

        return entries;
    }

    internal static string RepositoryRoot()
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
