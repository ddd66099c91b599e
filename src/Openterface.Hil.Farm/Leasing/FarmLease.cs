using System.Globalization;

namespace Openterface.Hil.Farm;

/// <summary>
/// A rig leased from the farm. While it lives a heartbeat renews it every third of its TTL (reconnecting through a
/// PostgreSQL restart); <see cref="EnsureHeldAsync"/> re-validates it before the next action, and a lease found gone
/// (taken over after it expired) is a rig fault. Dispose releases it.
/// </summary>
public sealed class FarmLease : IAsyncDisposable
{
    private readonly FarmDatabase database;
    private readonly CancellationTokenSource stop = new();
    private readonly Task heartbeat;
    private string? lostReason;
    private int disposed;

    internal FarmLease(FarmDatabase database, Guid id, FarmRig rig, LeaseHolder holder, TimeSpan ttl, DateTimeOffset expiresAt, bool heartbeat)
    {
        this.database = database;
        Id = id;
        Rig = rig;
        Holder = holder;
        Ttl = ttl;
        ExpiresAt = expiresAt;
        this.heartbeat = heartbeat ? Task.Run(() => HeartbeatAsync(stop.Token)) : Task.CompletedTask;
    }

    public Guid Id { get; }

    public FarmRig Rig { get; }

    public LeaseHolder Holder { get; }

    public TimeSpan Ttl { get; }

    /// <summary>Expiry as last confirmed by the database.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Why the lease was lost (taken over, removed), or null while it is held.</summary>
    public string? LostReason => Volatile.Read(ref lostReason);

    /// <summary>Raised once, from the heartbeat, when the database says this lease is no longer ours.</summary>
    public event EventHandler<string>? Lost;

    /// <summary>Renews the lease now (also what the heartbeat does). Throws <see cref="RigFaultException"/> when it was lost.</summary>
    public async Task RenewAsync(CancellationToken cancellationToken = default)
    {
        var expires = await database.InTransactionAsync(
            (c, t, ct) => Sql.QueryAsync(c, t, "update hil_leases set expires_at = now() + @ttl, renewed_at = now() where id = @id returning expires_at",
                r => r.GetFieldValue<DateTimeOffset>(0), ct, ("id", Id), ("ttl", Ttl)),
            cancellationToken).ConfigureAwait(false);
        if (expires.Count == 0)
        {
            throw MarkLost("the lease is gone from the farm (it expired and another runner took the rig, or an operator released it)");
        }

        ExpiresAt = expires[0];
    }

    /// <summary>Re-validates the lease against the database (renewing it); call before acting on the rig.</summary>
    public Task EnsureHeldAsync(CancellationToken cancellationToken = default)
    {
        if (LostReason is { } reason)
        {
            throw LostException(reason);
        }

        return RenewAsync(cancellationToken);
    }

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        var period = Ttl / 3;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, database.TimeProvider, cancellationToken).ConfigureAwait(false);
                await RenewAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (FarmUnavailableException)
            {
                // Still unreachable after retrying: try again next period. Nobody can take the rig while the
                // database is down, and the row tells, once it is back, whether the lease survived.
            }
            catch (RigFaultException)
            {
                return;
            }
        }
    }

    private RigFaultException MarkLost(string reason)
    {
        if (Interlocked.CompareExchange(ref lostReason, reason, null) is null)
        {
            Lost?.Invoke(this, reason);
        }

        return LostException(reason);
    }

    private RigFaultException LostException(string reason) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Lost the lease on rig '{Rig.Name}': {reason}. The run cannot trust the rig any more; rerun the test."),
            new Dictionary<string, string> { ["rig"] = Rig.Name, ["lease"] = Id.ToString(), ["holder"] = Holder.Describe() });

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await stop.CancelAsync().ConfigureAwait(false);
#pragma warning disable VSTHRD003 // the heartbeat loop was started by this lease.
        await heartbeat.ConfigureAwait(false);
#pragma warning restore VSTHRD003
        stop.Dispose();
        if (LostReason is null)
        {
            try
            {
                await database.InTransactionAsync((c, t, ct) => FarmPool.EndLeaseAsync(c, t, Id, "released", ct), CancellationToken.None).ConfigureAwait(false);
            }
            catch (FarmUnavailableException)
            {
                // The lease expires by itself after its TTL.
            }
        }
    }
}
