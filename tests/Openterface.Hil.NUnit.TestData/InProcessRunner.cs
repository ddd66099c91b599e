using NUnit;
using NUnit.Framework.Api;
using NUnit.Framework.Internal;

namespace Openterface.Hil.NUnit.TestData;

/// <summary>Runs this assembly's tests with NUnit's own runner, as `dotnet test` would, and prints a summary.</summary>
internal static class InProcessRunner
{
    public static int Run(string resultsDirectory, string? category)
    {
        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        var settings = new Dictionary<string, object>
        {
            [FrameworkPackageSettings.TestParametersDictionary] = new Dictionary<string, string> { ["HilResults"] = resultsDirectory },
            [FrameworkPackageSettings.NumberOfTestWorkers] = 2,
        };
        runner.Load(typeof(InProcessRunner).Assembly, settings);
        var filter = category is null ? TestFilter.Empty : TestFilter.FromXml($"<filter><cat>{category}</cat></filter>");
        var result = runner.Run(TestListener.NULL, filter);
        Console.WriteLine($"total={result.TotalCount} passed={result.PassCount} failed={result.FailCount} skipped={result.SkipCount}");
        return 0;
    }
}
