using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Openterface.Hil.NUnit;

/// <summary>
/// <c>[assembly: HilAllure]</c> writes an Allure result for every test of the assembly, in-process, while the test
/// runs (so evidence can be attached while the rig is still in the failing state). Labels come from NUnit (fixture,
/// namespace, categories, description) and from <see cref="FeatureAttribute"/>, <see cref="StoryAttribute"/>,
/// <see cref="SeverityAttribute"/> and <see cref="OwnerAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class HilAllureAttribute : NUnitAttribute, ITestAction
{
    // Test: one result per test. Suite: on an assembly-level action this is the assembly suite, used to sweep up
    // tests that never started and to write fixture containers.
    public ActionTargets Targets => ActionTargets.Test | ActionTargets.Suite;

    public void BeforeTest(ITest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (!test.IsSuite)
        {
            HilAllure.BeginTest(test);
        }
    }

    public void AfterTest(ITest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (!test.IsSuite)
        {
            HilAllure.EndTest(test);
        }
        else if (test.TestType is "Assembly")
        {
            HilAllure.EndAssembly(TestExecutionContext.CurrentContext.CurrentResult);
        }
    }
}
