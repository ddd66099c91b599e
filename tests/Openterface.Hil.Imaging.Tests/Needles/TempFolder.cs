namespace Openterface.Hil.Imaging.Tests.Needles;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    internal TempFolder() => Directory.CreateDirectory(Path);

    internal string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hil-needles-" + Guid.NewGuid().ToString("N"));

    internal string File(string name) => System.IO.Path.Combine(Path, name);

    internal string Write(string name, string text)
    {
        System.IO.File.WriteAllText(File(name), text);
        return File(name);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
