namespace Openterface.Hil.Farm;

/// <summary>
/// What the NUnit package loads by assembly name when <c>pool:</c> is a <c>postgres://</c> URI. Keep its name and
/// namespace: Openterface.Hil.NUnit looks for <c>Openterface.Hil.Farm.FarmRigPoolProvider</c>.
/// </summary>
public sealed class FarmRigPoolProvider : IRigPoolProvider
{
    public IRigPool Open(string uri) => new FarmRigPool(new FarmDatabase(PoolUri.Parse(uri)));
}
