namespace Openterface.Hil.Reporting;

/// <summary>Where results and reports go by default: `reports/allure-results` under the repository root (else the project folder).</summary>
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
    /// The folder relative defaults resolve against for a start folder: its repository root, else its project folder
    /// (never above the user's home), see <see cref="FileSearchScope"/>.
    /// </summary>
    internal static string BaseFolder(string start) => FileSearchScope.From(start).BaseFolder;
}
