using NUnit;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Openterface.Hil.NUnit.TestData;

/// <summary>Runs this assembly's tests with NUnit's own runner, as `dotnet test` would, and prints a summary.</summary>
internal static class InProcessRunner
{
    public static int Run(string resultsDirectory, string? category, IEnumerable<string> parameters)
    {
        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        var testParameters = new Dictionary<string, string> { ["HilResults"] = resultsDirectory };
        foreach (var parameter in parameters)
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            testParameters[parameter[..equals]] = parameter[(equals + 1)..];
        }

        var settings = new Dictionary<string, object>
        {
            [FrameworkPackageSettings.TestParametersDictionary] = testParameters,
            [FrameworkPackageSettings.NumberOfTestWorkers] = 2,
        };
        runner.Load(typeof(InProcessRunner).Assembly, settings);
        var filter = category is null ? TestFilter.Empty : TestFilter.FromXml($"<filter><cat>{category}</cat></filter>");
        var result = runner.Run(TestListener.NULL, filter);
        Console.WriteLine($"total={result.TotalCount} passed={result.PassCount} failed={result.FailCount} skipped={result.SkipCount}");
        PrintFailures(result);
        return 0;
    }

    /// <summary>One line per failed test: "failure NAME: MESSAGE" (the message's first line).</summary>
    private static void PrintFailures(ITestResult result)
    {
        if (!result.HasChildren && result.ResultState.Status == TestStatus.Failed)
        {
            Console.WriteLine($"failure {result.Name}: {result.Message.Split('\n')[0]}");
        }

        foreach (var child in result.Children)
        {
            PrintFailures(child);
        }
    }
}
