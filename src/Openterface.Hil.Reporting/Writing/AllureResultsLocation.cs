namespace Openterface.Hil.Reporting;

/// <summary>Where results and reports go by default: `reports/allure-results` under the repository root.</summary>
internal static class AllureResultsLocation
{
    internal const string EnvironmentVariable = "HIL_ALLURE_RESULTS";
    internal const string DefaultResults = "reports/allure-results";
    internal const string DefaultReport = "reports/allure-report";

    /// <summary><c>HIL_ALLURE_RESULTS</c> when set, else <paramref name="configured"/>, else the default.</summary>
    internal static string ResolveResults(string? configured, string baseDirectory, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var chosen = environment(EnvironmentVariable) is { Length: > 0 } overridden
            ? overridden
            : string.IsNullOrWhiteSpace(configured) ? DefaultResults : configured;
        return Path.GetFullPath(chosen, baseDirectory);
    }

    /// <summary>
    /// The nearest folder at or above <paramref name="start"/> holding `Openterface.Hil.sln` or `.git`; null when none.
    /// </summary>
    internal static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Openterface.Hil.sln"))
                || Directory.Exists(Path.Combine(directory.FullName, ".git"))
                || File.Exists(Path.Combine(directory.FullName, ".git")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
