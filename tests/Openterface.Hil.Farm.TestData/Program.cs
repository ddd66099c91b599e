using NUnit;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

// run RESULTS_DIR CATEGORY: runs this assembly's tests of CATEGORY one at a time with NUnit in-process, Allure
// results into RESULTS_DIR; the farm comes from HIL_POOL, the runner's name from HIL_RUNNER.
if (args is not ["run", var results, var category])
{
    Console.Error.WriteLine("usage: run RESULTS_DIR CATEGORY");
    return 2;
}

var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
runner.Load(typeof(Openterface.Hil.Farm.TestData.SharedRigTests).Assembly, new Dictionary<string, object>
{
    [FrameworkPackageSettings.TestParametersDictionary] = new Dictionary<string, string> { ["HilResults"] = results },
    [FrameworkPackageSettings.NumberOfTestWorkers] = 1,
});
var result = runner.Run(TestListener.NULL, TestFilter.FromXml($"<filter><cat>{category}</cat></filter>"));
Report(result);
Console.WriteLine($"total={result.TotalCount} passed={result.PassCount} failed={result.FailCount} skipped={result.SkipCount}");
return 0;

static void Report(ITestResult result)
{
    if (!result.HasChildren && result.ResultState.Status != TestStatus.Passed)
    {
        Console.WriteLine($"NOT PASSED {result.FullName}: {result.ResultState} {result.Message}");
    }

    foreach (var child in result.Children)
    {
        Report(child);
    }
}
