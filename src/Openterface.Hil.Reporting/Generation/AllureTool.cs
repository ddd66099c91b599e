namespace Openterface.Hil.Reporting;

/// <summary>
/// Finds the Allure 3 command-line tool: HIL_ALLURE, the copy ci/setup installs into `.tools/allure` of a source
/// checkout, the copy `hil doctor --fix` installs into the user's cache, or `allure` on PATH.
/// </summary>
internal static class AllureTool
{
    internal const string EnvironmentVariable = "HIL_ALLURE";
    internal const string RelativePath = ".tools/allure/node_modules/.bin/allure";

    /// <summary>
    /// <c>HIL_ALLURE</c> when set; otherwise the first <see cref="RelativePath"/> found walking up from each start
    /// directory (typically the current directory and <see cref="AppContext.BaseDirectory"/>).
    /// </summary>
    internal static string Locate(IEnumerable<string> startDirectories, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(startDirectories);
        ArgumentNullException.ThrowIfNull(environment);
        if (environment(EnvironmentVariable) is { Length: > 0 } overridden)
        {
            return File.Exists(overridden)
                ? Path.GetFullPath(overridden)
                : throw new HilException(
                    $"{EnvironmentVariable} is set to '{overridden}', which does not exist. Unset it to use the copy ci/setup installs, or point it at an Allure 3 'allure' executable.");
        }

        var tried = new List<string>();
        foreach (var start in startDirectories.Where(d => !string.IsNullOrEmpty(d)).Distinct(StringComparer.Ordinal))
        {
            for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, RelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            tried.Add(start);
        }

        if (UserCopy(environment) is { } user && File.Exists(user))
        {
            return user;
        }

        var onPath = (environment("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "allure")).FirstOrDefault(File.Exists);
        return onPath ?? throw new SetupException(
            $"The Allure report generator was not found: no '{RelativePath}' above {string.Join(" or ", tried.Select(t => $"'{t}'"))}, " +
            $"none in the user cache ('{UserCopy(environment) ?? "~/.cache/openterface-hil/allure"}'), none on PATH, and {EnvironmentVariable} is not set. " +
            $"Run '{SetupRemedies.DoctorFix}' (installs the npm package 'allure' 3.x into the user cache), 'ci/setup' in a source checkout, or set {EnvironmentVariable}.");
    }

    /// <summary>Where `hil doctor --fix` installs Allure: $XDG_CACHE_HOME (else ~/.cache)/openterface-hil/allure.</summary>
    internal static string? UserPrefix(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var cache = environment("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg) ? xdg
            : environment("HOME") is { Length: > 0 } home ? Path.Combine(home, ".cache")
            : null;
        return cache is null ? null : Path.Combine(cache, "openterface-hil", "allure");
    }

    private static string? UserCopy(Func<string, string?> environment) =>
        UserPrefix(environment) is { } prefix ? Path.Combine(prefix, "node_modules", ".bin", "allure") : null;

    internal static IEnumerable<string> DefaultStartDirectories() =>
        [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
}
