namespace Openterface.Hil.Reporting;

/// <summary>
/// Writes a file so that readers see either nothing or the whole file: the bytes go to a hidden temporary name in
/// the same folder, are flushed to disk (fsync), then renamed over the final name. A process killed mid-write
/// leaves at most a `.hil-*.tmp` file, which Allure ignores.
/// </summary>
internal static class AtomicFile
{
    internal const string TempPrefix = ".hil-";
    internal const string TempSuffix = ".tmp";

    internal static void Write(string path, ReadOnlySpan<byte> content)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $"{TempPrefix}{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the temporary name is ignored by Allure anyway.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
