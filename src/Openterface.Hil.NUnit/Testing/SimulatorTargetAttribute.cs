namespace Openterface.Hil.NUnit;

/// <summary>
/// Which virtual target a fixture is written for ("console" or "qemu") when the run uses the simulator
/// (HIL_TARGET=sim:...). Ignored on a real rig.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class SimulatorTargetAttribute(string target) : Attribute
{
    public string Target { get; } = target;
}
