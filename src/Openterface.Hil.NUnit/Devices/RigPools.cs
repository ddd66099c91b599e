using System.Collections.Concurrent;
using System.Reflection;

namespace Openterface.Hil.NUnit;

/// <summary>
/// The pool a test leases its rig from: the file pool (this package, the default) or, for a <c>postgres://</c>
/// pool, the farm from the optional Openterface.Hil.Farm package, loaded by assembly name so that users without a
/// farm do not carry Npgsql. One pool per URI for the whole test run.
/// </summary>
public static class RigPools
{
    internal const string FarmAssembly = "Openterface.Hil.Farm";
    internal const string FarmProvider = "Openterface.Hil.Farm.FarmRigPoolProvider";

    private static readonly ConcurrentDictionary<string, Lazy<IRigPool>> Farms = new(StringComparer.Ordinal);

    /// <summary>The pool configured in <paramref name="settings"/>.</summary>
    public static IRigPool Open(HilSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.UsesFarm)
        {
            if (settings.Pool is { } other)
            {
                throw new SetupException($"Pool '{other}' is not understood. Leave 'pool' unset for the file pool on this host, or give a farm as postgres://user@host/database.");
            }

            return new FileRigPool(DevicePool.FromSettings(settings));
        }

        var uri = settings.Pool!;
        return Farms.GetOrAdd(uri, u => new Lazy<IRigPool>(() => OpenFarm(u, FarmAssembly))).Value;
    }

    /// <summary>Loads <paramref name="assemblyName"/> and opens the farm at <paramref name="uri"/> through its provider.</summary>
    internal static IRigPool OpenFarm(string uri, string assemblyName)
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(new AssemblyName(assemblyName));
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            throw new SetupException(
                $"The pool '{PoolUris.Redact(uri)}' is a farm, which needs the {FarmAssembly} package: add it to the test project " +
                $"(dotnet add package {FarmAssembly}), or unset 'pool' / HIL_POOL to use the file pool on this host.", e);
        }

        var type = assembly.GetType(FarmProvider)
            ?? throw new SetupException($"{assembly.GetName().Name} {assembly.GetName().Version} has no {FarmProvider}: use the same version of {FarmAssembly} as Openterface.Hil.NUnit.");
        var provider = (IRigPoolProvider)Activator.CreateInstance(type)!;
        return provider.Open(uri);
    }
}
