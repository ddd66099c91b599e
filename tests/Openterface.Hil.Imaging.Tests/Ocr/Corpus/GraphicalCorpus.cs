namespace Openterface.Hil.Imaging.Tests.Ocr.Corpus;

/// <summary>
/// The graphical OCR corpus in fixtures/screens/ocr/graphical: NAME_WxH_clean.png (rendered by render.py there)
/// and NAME_WxH_ms2109.jpg (the same screen through the simulator's MS2109 capture model), each with its .txt.
/// </summary>
internal static class GraphicalCorpus
{
    internal static string Directory => Path.Combine(OcrCorpus.Directory, "graphical");

    internal static IReadOnlyList<CorpusEntry> Entries() =>
        System.IO.Directory.EnumerateFiles(Directory)
            .Where(f => f.EndsWith("_clean.png", StringComparison.Ordinal) || f.EndsWith("_ms2109.jpg", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(image =>
            {
                var parts = Path.GetFileNameWithoutExtension(image).Split('_');
                return new CorpusEntry(image, File.ReadAllText(Path.ChangeExtension(image, ".txt")), parts[0], parts[1], parts[2]);
            })
            .ToList();
}
