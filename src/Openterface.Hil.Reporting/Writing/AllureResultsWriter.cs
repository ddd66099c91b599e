using System.Text;

namespace Openterface.Hil.Reporting;

/// <summary>
/// Writes an Allure 2 results folder: results, containers, attachments and the run files. Every file is written
/// atomically and every string is passed through <see cref="SecretRedactor"/>. Thread-safe: each call writes its own
/// files.
/// </summary>
internal sealed class AllureResultsWriter
{
    public AllureResultsWriter(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>Writes `{uuid}-attachment.{ext}` and returns the reference to put in a test or step.</summary>
    public AllureAttachment WriteAttachment(string name, string mediaType, string extension, ReadOnlySpan<byte> content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        var source = $"{Guid.NewGuid():D}-attachment.{CleanExtension(extension)}";
        if (IsText(mediaType) && SecretRedactor.HasSecrets)
        {
            var redacted = SecretRedactor.Redact(Encoding.UTF8.GetString(content));
            AtomicFile.Write(Path.Combine(Directory, source), Encoding.UTF8.GetBytes(redacted));
        }
        else
        {
            AtomicFile.Write(Path.Combine(Directory, source), content);
        }

        return new AllureAttachment(name, source, mediaType);
    }

    public string WriteResult(AllureTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(result.Uuid);
        var path = Path.Combine(Directory, $"{result.Uuid}-result.json");
        AtomicFile.Write(path, AllureJson.Serialize(result));
        return path;
    }

    public string WriteContainer(AllureContainer container)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentException.ThrowIfNullOrWhiteSpace(container.Uuid);
        var path = Path.Combine(Directory, $"{container.Uuid}-container.json");
        AtomicFile.Write(path, AllureJson.Serialize(container));
        return path;
    }

    /// <summary>Writes `environment.properties` (Java properties syntax, UTF-8), sorted by key.</summary>
    public void WriteEnvironment(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder();
        foreach (var (key, value) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(EscapeProperty(SecretRedactor.Redact(key), isKey: true))
                .Append('=')
                .Append(EscapeProperty(SecretRedactor.Redact(value), isKey: false))
                .Append('\n');
        }

        AtomicFile.Write(Path.Combine(Directory, "environment.properties"), Encoding.UTF8.GetBytes(text.ToString()));
    }

    public void WriteExecutor(AllureExecutor executor)
    {
        ArgumentNullException.ThrowIfNull(executor);
        AtomicFile.Write(Path.Combine(Directory, "executor.json"), AllureJson.Serialize(executor));
    }

    public void WriteCategories(IReadOnlyList<AllureCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        AtomicFile.Write(Path.Combine(Directory, "categories.json"), AllureJson.Serialize(categories));
    }

    internal static bool IsText(string mediaType) =>
        mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("xml", StringComparison.OrdinalIgnoreCase);

    private static string CleanExtension(string extension)
    {
        var clean = new string((extension ?? string.Empty).TrimStart('.').Where(char.IsAsciiLetterOrDigit).ToArray());
        return clean.Length == 0 ? "bin" : clean.ToLowerInvariant();
    }

    private static string EscapeProperty(string text, bool isKey)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '\n': builder.Append(@"\n"); break;
                case '\r': builder.Append(@"\r"); break;
                case '\t': builder.Append(@"\t"); break;
                case '=' or ':' when isKey: builder.Append('\\').Append(c); break;
                case ' ' when isKey || i == 0: builder.Append(@"\ "); break;
                case '#' or '!' when i == 0: builder.Append('\\').Append(c); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }
}
