namespace Openterface.Hil.Reporting;

/// <summary>Finds the Allure 3 command-line tool that ci/setup installs with npm into `.tools/allure`.</summary>
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

        throw new HilException(
            $"The Allure report generator was not found: no '{RelativePath}' above {string.Join(" or ", tried.Select(t => $"'{t}'"))}, and {EnvironmentVariable} is not set. Run 'ci/setup' (it installs the npm package 'allure' 3.x into .tools/allure), or set {EnvironmentVariable}.");
    }

    internal static IEnumerable<string> DefaultStartDirectories() =>
        [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
}
