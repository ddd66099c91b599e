namespace Openterface.Hil.Farm;

/// <summary>A <see cref="FarmLease"/> as a test's rig lease.</summary>
internal sealed class FarmRigLease(FarmLease lease) : IRigLease
{
    public PooledRig Rig { get; } = new(lease.Rig.Name, lease.Rig.Serial, lease.Rig.Video, lease.Rig.Console, lease.Rig.Power);

    public string? LostReason => lease.LostReason;

    public Task EnsureHeldAsync(CancellationToken cancellationToken) => lease.EnsureHeldAsync(cancellationToken);

    public ValueTask DisposeAsync() => lease.DisposeAsync();
}
