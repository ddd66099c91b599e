using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace Openterface.Hil.NUnit;

/// <summary>
/// Marks a test (or fixture) that needs a real Mini-KVM: it is ignored, with the reason, when the configuration
/// points at the simulator, names no rig, or the rig's serial/video device is not attached. With a farm pool its
/// tags (<c>[RequiresDevice("board=rpi4")]</c>) select the rig to lease, together with hil.json "rig": { "tags" }.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class RequiresDeviceAttribute : NUnitAttribute, ITestAction
{
    public RequiresDeviceAttribute(params string[] tags)
    {
        Tags = tags ?? [];
    }

    /// <summary>Tags the leased farm rig must carry (<c>board=rpi4</c>, <c>usb-switch</c>); the file pool has no tags.</summary>
    public IReadOnlyList<string> Tags { get; }

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
