namespace Openterface.Hil.NUnit;

/// <summary>
/// A rig leased from the <see cref="DevicePool"/>. Holds the rig's lock until disposed; dispose it (await using) when
/// the test ends. The kernel releases the lock if the process dies first.
/// </summary>
public sealed class RigLease : IDisposable, IAsyncDisposable
{
    private readonly FileStream lockStream;
    private readonly string leasePath;
    private readonly DevicePool pool;
    private LeaseRecord record;
    private bool disposed;

    internal RigLease(RigSettings rig, LeaseRecord record, FileStream lockStream, string leasePath, DevicePool pool, LeaseRecord? replaced)
    {
        Rig = rig;
        this.record = record;
        this.lockStream = lockStream;
        this.leasePath = leasePath;
        this.pool = pool;
        ReplacedStaleLease = replaced?.Describe();
    }

    public RigSettings Rig { get; }

    public DateTimeOffset ExpiresAt => record.ExpiresAt;

    /// <summary>When this lease took over a stale one (dead runner or expired), who held it; otherwise null.</summary>
    public string? ReplacedStaleLease { get; }

    /// <summary>Extends the lease by the pool's lease duration from now (for tests longer than one lease).</summary>
    public void Renew()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        record = record with { ExpiresAt = pool.Now + pool.LeaseDuration };
        Reporting.AtomicFile.Write(leasePath, record.ToJson());
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            // Only remove the lease file if it is still ours.
            if (LeaseRecord.TryRead(leasePath) is { } current && current.Pid == record.Pid && current.AcquiredAt == record.AcquiredAt)
            {
                File.Delete(leasePath);
            }
        }
        catch (IOException)
        {
            // The lock release below is what frees the rig; a leftover lease file is stale once the lock is gone.
        }
        finally
        {
            lockStream.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
