using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Openterface.Hil.Simulator;

/// <summary>
/// The QEMU target recipe (fixtures/targets/qemu without its README) embedded in this assembly, so a test project
/// that only references the package can build the image. Its hash names the cache folder: a new recipe, a new image.
/// </summary>
internal sealed class TargetRecipe
{
    private const string Prefix = "hil-target-recipe/";

    private TargetRecipe(IReadOnlyDictionary<string, byte[]> files)
    {
        Files = files;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(name + "\n" + bytes.Length + "\n"));
            sha.AppendData(bytes);
        }

        Hash = Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    /// <summary>Relative path (build-image, grub.cfg, rootfs/init, ...) to content.</summary>
    public IReadOnlyDictionary<string, byte[]> Files { get; }

    public string Hash { get; }

    public static TargetRecipe Embedded { get; } = Load(typeof(TargetRecipe).Assembly);

    internal static TargetRecipe FromFiles(IReadOnlyDictionary<string, byte[]> files) => new(files);

    private static TargetRecipe Load(Assembly assembly)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[name[Prefix.Length..].Replace('\\', '/')] = copy.ToArray();
        }

        return new TargetRecipe(files);
    }

    /// <summary>Writes the recipe to <paramref name="folder"/>; scripts (files starting with "#!") become executable.</summary>
    public string ExtractTo(string folder)
    {
        if (!Files.ContainsKey("build-image"))
        {
            throw new SetupException("The QEMU target recipe is missing from Openterface.Hil.Simulator (no 'build-image'); reinstall the package.");
        }

        foreach (var (name, bytes) in Files)
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
            if (bytes is [(byte)'#', (byte)'!', ..] && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
            }
        }

        return Path.Combine(folder, "build-image");
    }
}
