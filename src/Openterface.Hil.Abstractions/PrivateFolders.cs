namespace Openterface.Hil;

/// <summary>
/// Per-user folders for state other users must not touch (lease files, saved VM states): under
/// <c>$XDG_CACHE_HOME/openterface-hil</c> (or <c>~/.cache/openterface-hil</c>), else
/// <c>/tmp/openterface-hil-USER</c>; created 0700 and checked to belong to this user.
/// </summary>
internal static class PrivateFolders
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Where <see cref="PerUser"/> puts <paramref name="name"/> when the user's cache folder is usable (not created).</summary>
    internal static string InUserCache(string name)
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache) || !Path.IsPathRooted(cache))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            cache = Path.Combine(string.IsNullOrEmpty(home) ? Path.Combine(Path.GetTempPath(), $"openterface-hil-{Environment.UserName}") : home, ".cache");
        }

        return Path.Combine(cache, "openterface-hil", name);
    }

    /// <summary>The per-user folder <paramref name="name"/> (created, 0700, owned by this user).</summary>
    internal static string PerUser(string name)
    {
        try
        {
            return Ensure(InUserCache(name));
        }
        catch (UnauthorizedAccessException)
        {
            // A read-only or foreign home: fall back to a per-user folder in /tmp, checked the same way.
        }

        return Ensure(Path.Combine(Path.GetTempPath(), $"openterface-hil-{Environment.UserName}", name));
    }

    /// <summary>
    /// Creates <paramref name="path"/> (and missing parents) as 0700 and proves this user owns it: only the owner
    /// may change a folder's mode, and on Linux the owner is also compared with this user (root may change any
    /// folder's mode), so a folder planted by another user fails here with a clear error.
    /// </summary>
    internal static string Ensure(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            // Per-user profile folders already carry owner-only ACLs there.
            return Directory.CreateDirectory(full).FullName;
        }

        var parent = Path.GetDirectoryName(full);
        if (parent is not null && !Directory.Exists(parent))
        {
            Directory.CreateDirectory(parent, OwnerOnly);
        }

        Directory.CreateDirectory(full, OwnerOnly);
        if (OperatingSystem.IsLinux() && FileOwnerNative.OwnerOf(full) != FileOwnerNative.EffectiveUserId)
        {
            // Checked before the mode is touched: root could change another user's folder, and must not.
            throw BelongsToAnotherUser(full, null);
        }

        try
        {
            File.SetUnixFileMode(full, OwnerOnly);
        }
        catch (UnauthorizedAccessException e)
        {
            throw BelongsToAnotherUser(full, e);
        }

        return full;
    }

    private static UnauthorizedAccessException BelongsToAnotherUser(string full, Exception? inner) =>
        new($"Folder '{full}' belongs to another user. Remove it or choose another location; it holds private state.", inner);
}
