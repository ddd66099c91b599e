using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.NUnit;

/// <summary>
/// Connects "sim:console" / "sim:qemu" to the simulator for every session opened in a test assembly that uses this
/// package (Openterface.Hil itself may not reference the simulator). Registered when the assembly loads.
/// </summary>
public static class SimulatorLauncher
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "Registering the simulator when the NUnit integration loads is the point: tests need no set-up call.")]
    internal static void Register() => HilSession.RegisterVirtualRigLauncher(LaunchAsync);

    /// <summary>Starts a virtual rig and describes it as endpoints a session opens like a real rig's.</summary>
    public static async Task<VirtualRigEndpoints> LaunchAsync(string target, CancellationToken cancellationToken)
    {
        var rig = await VirtualRig.StartAsync(new VirtualRigOptions { Target = VirtualRig.ParseTarget(target) }, cancellationToken).ConfigureAwait(false);
        return Describe(rig);
    }

    /// <summary>The endpoints of an already started rig; disposing the endpoints' lifetime stops the rig.</summary>
    public static VirtualRigEndpoints Describe(VirtualRig rig, bool ownsRig = true)
    {
        ArgumentNullException.ThrowIfNull(rig);
        return new VirtualRigEndpoints(rig.SerialUri, rig.VideoUri, new VirtualPowerDriver(rig.Target), ownsRig ? rig : null) { ConsoleUri = rig.ConsoleUri };
    }
}
