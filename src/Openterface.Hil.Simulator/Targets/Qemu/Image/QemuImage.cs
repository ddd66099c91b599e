namespace Openterface.Hil.Simulator;

/// <summary>
/// Finds the QEMU target image: <see cref="QemuTargetOptions.ImagePath"/>, else <c>HIL_QEMU_IMAGE</c>, else the one
/// ci/setup builds in a source checkout (<c>.cache/targets/qemu/current/hil-target.iso</c>, looked for from the
/// test assembly up to its repository root or the user's home, never above), else the user's cache, where the recipe
/// shipped inside this assembly is built on first use (<see cref="TargetImageCache"/>).
/// </summary>
internal static class QemuImage
{
    public const string EnvironmentVariable = "HIL_QEMU_IMAGE";
    internal const string CheckoutPath = ".cache/targets/qemu/current/hil-target.iso";

    public static async Task<string> LocateAsync(string? configured, CancellationToken cancellationToken = default)
    {
        if (Configured(configured) is { } chosen)
        {
            return chosen;
        }

        if (InCheckout(AppContext.BaseDirectory) is { } built)
        {
            return built;
        }

        return await TargetImageCache.Default.EnsureAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The configured image (options, then HIL_QEMU_IMAGE), or null when neither is set.</summary>
    internal static string? Configured(string? configured)
    {
        var path = !string.IsNullOrEmpty(configured) ? configured : Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        return File.Exists(path)
            ? Path.GetFullPath(path)
            : throw new SetupException(
                $"QEMU target image '{path}' does not exist. Fix ImagePath or {EnvironmentVariable}, or unset both to " +
                "use the image built from the recipe in the Simulator package ('dotnet hil sim prepare' builds it).");
    }

    /// <summary>ci/setup's image in the source checkout holding <paramref name="start"/>, searched within its scope.</summary>
    internal static string? InCheckout(string start) =>
        FileSearchScope.From(start).Folders
            .Select(folder => Path.Combine(folder, CheckoutPath))
            .Where(File.Exists)
            .Select(Path.GetFullPath)
            .FirstOrDefault();
}
