using System.Security.Cryptography;
using System.Text;

namespace Openterface.Hil.Imaging.Ocr;

/// <summary>
/// One thread's Tesseract engines, one per init-time configuration (language, dictionary on/off, user words and
/// patterns: Tesseract reads those only at Init). Created on first use, reused after. Not thread-safe.
/// </summary>
internal sealed class TesseractEnginePool(string tessdataPath) : IDisposable
{
    private readonly Dictionary<string, TesseractEngine> _engines = new(StringComparer.Ordinal);

    internal TesseractEngine Get(string language, bool dictionary, IReadOnlyList<string> userWords, IReadOnlyList<string> userPatterns)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!dictionary)
        {
            variables["load_system_dawg"] = "0";
            variables["load_freq_dawg"] = "0";
        }

        if (userWords.Count > 0)
        {
            variables["user_words_file"] = ListFile(userWords, "words");
        }

        if (userPatterns.Count > 0)
        {
            variables["user_patterns_file"] = ListFile(userPatterns, "patterns");
        }

        var key = language + "|" + string.Join("|", variables.Select(v => v.Key + "=" + v.Value));
        if (!_engines.TryGetValue(key, out var engine))
        {
            engine = TesseractEngine.Create(tessdataPath, language, variables);
            _engines[key] = engine;
        }

        return engine;
    }

    public void Dispose()
    {
        foreach (var engine in _engines.Values)
        {
            engine.Dispose();
        }

        _engines.Clear();
    }

    /// <summary>Tesseract reads user words and patterns from files: one per distinct list, named by its hash.</summary>
    private static string ListFile(IReadOnlyList<string> lines, string kind)
    {
        var text = string.Join('\n', lines) + "\n";
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
        var folder = Path.Combine(Path.GetTempPath(), "openterface-hil-ocr");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{hash}.user-{kind}");
        if (!File.Exists(path))
        {
            var temporary = path + "." + Environment.ProcessId + ".tmp";
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }

        return path;
    }
}
