namespace Openterface.Hil.Simulator;

/// <summary>Finds the target image ci/setup builds (fixtures/targets/qemu -> .cache/targets/qemu/current).</summary>
internal static class QemuImage
{
    public const string EnvironmentVariable = "HIL_QEMU_IMAGE";
    private const string RelativePath = ".cache/targets/qemu/current/hil-target.iso";

    public static string Locate(string? configured)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new QemuTargetException($"QEMU target image '{configured}' does not exist. Build it with ci/setup or fix ImagePath.");
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Locate(fromEnvironment);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, RelativePath);
                if (File.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        throw new QemuTargetException(
            $"QEMU target image not found: no '{RelativePath}' above '{AppContext.BaseDirectory}' and " +
            $"{EnvironmentVariable} is not set. Run ci/setup (it builds the image from fixtures/targets/qemu).");
    }
}
