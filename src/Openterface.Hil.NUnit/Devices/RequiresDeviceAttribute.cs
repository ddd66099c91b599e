using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace Openterface.Hil.NUnit;

/// <summary>
/// Marks a test (or fixture) that needs a real Mini-KVM: it is ignored, with the reason, when the configuration
/// points at the simulator, names no rig, or the rig's serial/video device is not attached.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class RequiresDeviceAttribute : NUnitAttribute, ITestAction
{
    public ActionTargets Targets => ActionTargets.Test;

    public void BeforeTest(ITest test)
    {
        var reason = RigProbe.System.WhyUnavailable(HilSettings.Load());
        if (reason is not null)
        {
            Assert.Ignore($"Needs a real Mini-KVM: {reason}");
        }
    }

    public void AfterTest(ITest test)
    {
    }
}
