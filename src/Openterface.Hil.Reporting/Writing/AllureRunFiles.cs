namespace Openterface.Hil.Reporting;

/// <summary>One entry of `categories.json` (Allure 2 compatibility keys, also read by Allure 3).</summary>
internal sealed record AllureCategory(
    string Name,
    string? Description = null,
    IReadOnlyList<AllureStatus>? MatchedStatuses = null,
    string? MessageRegex = null,
    string? TraceRegex = null,
    bool? Flaky = null);

/// <summary>`executor.json`: who ran the tests (CI job or local machine).</summary>
internal sealed record AllureExecutor(
    string Name,
    string Type,
    string? Url = null,
    long? BuildOrder = null,
    string? BuildName = null,
    string? BuildUrl = null,
    string? ReportName = null,
    string? ReportUrl = null);

/// <summary>The categories and executor every Openterface.Hil run writes.</summary>
internal static class AllureRunFiles
{
    /// <summary>Message prefix the NUnit wiring puts on tests failed by a <c>RigFaultException</c>.</summary>
    internal const string RigFaultPrefix = "Rig fault: ";

    /// <summary>Message prefix the NUnit wiring puts on tests failed by a <c>SetupException</c> (this machine, not the rig).</summary>
    internal const string SetupErrorPrefix = "Setup error: ";

    /// <summary>
    /// Setup (broken, message starts with <see cref="SetupErrorPrefix"/>: a library, tool or image is missing here),
    /// Rig fault (broken, message starts with <see cref="RigFaultPrefix"/> or names RigFaultException), Product
    /// failure (failed), Flaky. Regexes use [\s\S] so they match multi-line text in both Allure 2 (Java, whole
    /// match) and Allure 3 (JavaScript, search).
    /// </summary>
    internal static IReadOnlyList<AllureCategory> Categories { get; } =
    [
        new("Setup", "This machine lacks a library, tool or image (not the rig, not the product): apply the remedy in the message, e.g. 'dotnet hil doctor --fix'.",
            [AllureStatus.Broken], MessageRegex: @"^Setup error: [\s\S]*"),
        new("Rig fault", "The Mini-KVM, capture or HID link failed, not the product: check the rig, then re-run.",
            [AllureStatus.Broken], MessageRegex: @"^(?!Setup error: )[\s\S]*(Rig fault: |RigFaultException)[\s\S]*"),
        new("Product failure", "The target did not show what the test expected.", [AllureStatus.Failed]),
        new("Flaky", "Passed and failed across retries or runs.", Flaky: true),
    ];

    /// <summary>Describes the CI job from its environment (GitHub Actions, GitLab, Jenkins) or the local host.</summary>
    internal static AllureExecutor DetectExecutor(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment("GITHUB_ACTIONS") == "true")
        {
            var url = $"{environment("GITHUB_SERVER_URL")}/{environment("GITHUB_REPOSITORY")}";
            return new AllureExecutor("GitHub Actions", "github", url, ParseLong(environment("GITHUB_RUN_NUMBER")),
                $"{environment("GITHUB_WORKFLOW")} #{environment("GITHUB_RUN_NUMBER")}",
                $"{url}/actions/runs/{environment("GITHUB_RUN_ID")}");
        }

        if (environment("GITLAB_CI") == "true")
        {
            return new AllureExecutor("GitLab CI", "gitlab", environment("CI_PROJECT_URL"),
                ParseLong(environment("CI_PIPELINE_IID")), $"{environment("CI_JOB_NAME")} #{environment("CI_JOB_ID")}",
                environment("CI_JOB_URL"));
        }

        if (environment("JENKINS_URL") is { Length: > 0 } jenkins)
        {
            return new AllureExecutor("Jenkins", "jenkins", jenkins, ParseLong(environment("BUILD_NUMBER")),
                environment("BUILD_TAG"), environment("BUILD_URL"));
        }

        return new AllureExecutor(Environment.MachineName, "local", BuildName: $"{Environment.UserName}@{Environment.MachineName}");
    }

    private static long? ParseLong(string? text) =>
        long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}
