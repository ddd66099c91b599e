namespace Openterface.Hil.NUnit;

/// <summary>The single-host <see cref="DevicePool"/> as a test's rig pool. It has no tags and keeps no history.</summary>
internal sealed class FileRigPool(DevicePool pool) : IRigPool
{
    public string Description => $"the file pool '{pool.LeaseDirectory}'";

    public IRunHistory? History => null;

    public async Task<IRigLease> LeaseAsync(RigRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new FileRigLease(await pool.LeaseAsync(request.Test, request.Wait, cancellationToken).ConfigureAwait(false));
    }

    private sealed class FileRigLease(RigLease lease) : IRigLease
    {
        public PooledRig Rig { get; } = new(lease.Rig.Name, lease.Rig.Serial, lease.Rig.Video, null, lease.Rig.Power);

        /// <summary>A file lease is a kernel lock held until dispose: never lost while the process lives.</summary>
        public string? LostReason => null;

        public Task EnsureHeldAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => lease.DisposeAsync();
    }
}
