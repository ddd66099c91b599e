using System.Collections.Concurrent;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using Openterface.Hil.Reporting;

namespace Openterface.Hil.NUnit;

/// <summary>
/// The Allure side of the current NUnit test, when the assembly carries <c>[assembly: HilAllure]</c>: the step
/// listener a session subscribes, evidence attachments, and run-wide environment facts.
/// </summary>
public static class HilAllure
{
    private static readonly ConcurrentDictionary<string, AllureTestCase> Running = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> Written = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();
    private static AllureRun? run;

    /// <summary>The current test's step listener (subscribe it to the session); null outside a wired test.</summary>
    public static IStepListener? CurrentListener => Current?.Listener;

    /// <summary>The results folder of this run; null before the first wired test.</summary>
    public static string? ResultsDirectory => Volatile.Read(ref run)?.Writer.Directory;

    /// <summary>Where failed needle waits save candidate needles: <c>needles-candidates</c> beside the results folder.</summary>
    public static string? CandidateNeedlesDirectory =>
        ResultsDirectory is { } results ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(results)) ?? results, "needles-candidates") : null;

    /// <summary>
    /// Attaches evidence (screenshot, diff, video, serial transcript, call log) to the current test. Returns false
    /// outside a wired test. Text is redacted of registered secrets.
    /// </summary>
    public static bool Attach(string name, string mediaType, string extension, ReadOnlySpan<byte> content)
    {
        if (Current is not { } test)
        {
            return false;
        }

        try
        {
            test.Attach(name, mediaType, extension, content);
            return true;
        }
        catch (Exception e) when (IsReportingFailure(e))
        {
            SelfLog($"could not attach '{name}'", e);
            return false;
        }
    }

    /// <summary>Records a run-wide fact in environment.properties ("Rig generation", "Chip version", "Capture mode").</summary>
    public static void SetEnvironment(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        Run().SetEnvironment(key, value);
    }

    /// <summary>The uuid of the current test's Allure result; null outside a wired test.</summary>
    internal static string? CurrentUuid => Current?.Result.Uuid;

    internal static AllureTestCase? Current =>
        TestContext.CurrentContext.Test.ID is { } id && Running.TryGetValue(id, out var test) ? test : null;

    internal static void BeginTest(ITest test)
    {
        try
        {
            var current = Run();
            var testCase = new AllureTestCase(current.Writer, NUnitTestDescriber.Describe(test), current.TimeProvider);
            Running[test.Id] = testCase;
        }
        catch (Exception e) when (IsReportingFailure(e))
        {
            SelfLog($"no Allure result for '{test.FullName}'", e);
        }
    }

    internal static void EndTest(ITest test)
    {
        if (!Running.TryRemove(test.Id, out var testCase))
        {
            return;
        }

        try
        {
            var result = TestContext.CurrentContext.Result;
            var (status, message) = NUnitOutcome.Map(result.Outcome, result.Message, result.StackTrace);
            var flaky = status == AllureStatus.Passed && TestContext.CurrentContext.CurrentRepeatCount > 0
                && test.Method?.GetCustomAttributes<RetryAttribute>(true).Length > 0;
            testCase.Finish(status, message, NullIfEmpty(result.StackTrace), flaky);
            Written[test.Id] = testCase.Result.Uuid;
        }
        catch (Exception e) when (IsReportingFailure(e))
        {
            SelfLog($"could not write the Allure result of '{test.FullName}'", e);
        }
    }

    /// <summary>At the end of the assembly: results for tests that never ran (ignored, failed one-time set-up) and fixture containers.</summary>
    internal static void EndAssembly(ITestResult assemblyResult)
    {
        try
        {
            FixtureSweep.Write(Run(), assemblyResult, Written);
        }
        catch (Exception e) when (IsReportingFailure(e))
        {
            SelfLog("could not write fixture containers", e);
        }
    }

    // Reporting must never fail a test (Serilog's rule): file-system trouble is reported on the progress stream.
    private static bool IsReportingFailure(Exception e) => e is IOException or UnauthorizedAccessException or HilException;

    private static void SelfLog(string what, Exception e) =>
        TestContext.Progress.WriteLine($"HilAllure: {what}: {e.Message}");

    private static AllureRun Run()
    {
        if (Volatile.Read(ref run) is { } existing)
        {
            return existing;
        }

        lock (Gate)
        {
            return run ??= AllureRun.Create();
        }
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
