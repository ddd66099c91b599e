namespace Openterface.Hil.TestSupport;

/// <summary>A fresh folder under the system temp folder, deleted (with its contents) on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "hil-test")
    {
        Path = Directory.CreateTempSubdirectory($"{prefix}-").FullName;
    }

    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still open on a slow file system must not fail the test.
        }
    }
}
