using System.Globalization;
using Npgsql;

namespace Openterface.Hil.Farm;

/// <summary>
/// Leases rigs from the farm. A lease is a row in hil_leases (one per rig: the unique constraint is what makes two
/// holders impossible); it expires unless renewed, and an expired lease is taken over by the next waiter. Waiters
/// queue in hil_waiters in arrival order and every decision is made in one transaction under an advisory lock, so
/// the queue is served first come, first served (<see cref="WaitQueue"/>). Times are the database server's clock, so
/// runner hosts need not agree on the time.
/// </summary>
public sealed class FarmPool(FarmDatabase database)
{
    /// <summary>Advisory-lock key serialising lease decisions ("HILL").</summary>
    private const long LeaseLock = 0x48494C4C;

    /// <summary>A waiter that has not polled for this long is gone (killed while waiting).</summary>
    private static readonly TimeSpan WaiterTimeout = TimeSpan.FromSeconds(15);

    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public FarmDatabase Database => database;

    /// <summary>
    /// Waits (first come, first served) for a free rig carrying the requested tags and leases it. On timeout the
    /// <see cref="HilTimeoutException"/> names who holds each matching rig.
    /// </summary>
    public async Task<FarmLease> LeaseAsync(LeaseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Ttl, TimeSpan.FromSeconds(1), nameof(request));
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Wait, TimeSpan.Zero, nameof(request));
        var tags = RigTags.Normalize(request.Tags);
        var time = database.TimeProvider;
        var started = time.GetTimestamp();
        var waiterId = Guid.NewGuid();
        var leaseId = Guid.NewGuid();
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (rig, expiresAt, matching) = await database.InTransactionAsync(
                    (c, t, ct) => TryTakeAsync(c, t, waiterId, leaseId, tags, request, ct), cancellationToken).ConfigureAwait(false);
                if (rig is not null)
                {
                    return new FarmLease(database, leaseId, rig, request.Holder, request.Ttl, expiresAt, request.Heartbeat);
                }

                if (matching == 0)
                {
                    throw new HilException($"No rig in the farm '{database.Uri.Display}' carries the tags {RigTags.Describe(tags)}. 'hil rigs list' shows the rigs and their tags; add one with 'hil rigs add'.");
                }

                var elapsed = time.GetElapsedTime(started);
                if (elapsed >= request.Wait)
                {
                    throw new HilTimeoutException(await DescribeHoldersAsync(tags, request.Wait, cancellationToken).ConfigureAwait(false), request.Wait);
                }

                var delay = request.Wait - elapsed < PollInterval ? request.Wait - elapsed : PollInterval;
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await LeaveQueueAsync(waiterId).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Ends a lease by id (an operator freeing a rig by hand). Returns false when no such lease exists.</summary>
    public async Task<bool> ReleaseAsync(Guid leaseId, CancellationToken cancellationToken = default) =>
        await database.InTransactionAsync((c, t, ct) => EndLeaseAsync(c, t, leaseId, "released", ct), cancellationToken).ConfigureAwait(false);

    internal static async Task<bool> EndLeaseAsync(NpgsqlConnection c, NpgsqlTransaction t, Guid leaseId, string reason, CancellationToken ct)
    {
        var deleted = await Sql.ExecuteAsync(c, t, "delete from hil_leases where id = @id", ct, ("id", leaseId)).ConfigureAwait(false);
        await Sql.ExecuteAsync(c, t, "update hil_lease_log set ended_at = now(), end_reason = @reason where id = @id and ended_at is null", ct,
            ("id", leaseId), ("reason", reason)).ConfigureAwait(false);
        return deleted > 0;
    }

    private static async Task<(FarmRig? Rig, DateTimeOffset ExpiresAt, int Matching)> TryTakeAsync(
        NpgsqlConnection c, NpgsqlTransaction t, Guid waiterId, Guid leaseId, IReadOnlyList<string> tags, LeaseRequest request, CancellationToken ct)
    {
        await Sql.ExecuteAsync(c, t, "select pg_advisory_xact_lock(@key)", ct, ("key", LeaseLock)).ConfigureAwait(false);

        // A retried unit of work whose commit did succeed: the lease is already ours.
        var mine = await Sql.QueryAsync(c, t, $"select {RigInventory.RigColumns}, l.expires_at from hil_leases l join hil_rigs r on r.name = l.rig where l.id = @id",
            r => (Rig: RigInventory.ReadRig(r), ExpiresAt: r.GetFieldValue<DateTimeOffset>(6)), ct, ("id", leaseId)).ConfigureAwait(false);
        if (mine.Count == 1)
        {
            return (mine[0].Rig, mine[0].ExpiresAt, 1);
        }

        var holder = request.Holder;
        await Sql.ExecuteAsync(c, t, """
            insert into hil_waiters (id, tags, runner, host, pid, test) values (@id, @tags, @runner, @host, @pid, @test)
            on conflict (id) do update set heartbeat_at = now()
            """, ct, ("id", waiterId), ("tags", tags.ToArray()), ("runner", holder.Runner), ("host", holder.Host), ("pid", holder.Pid), ("test", holder.Test)).ConfigureAwait(false);
        await Sql.ExecuteAsync(c, t, "delete from hil_waiters where heartbeat_at < now() - @timeout", ct, ("timeout", WaiterTimeout)).ConfigureAwait(false);

        var rigs = await Sql.QueryAsync(c, t, $"""
            select {RigInventory.RigColumns}, (l.rig is null or l.expires_at <= now()) as free
            from hil_rigs r left join hil_leases l on l.rig = r.name order by r.name
            """, r => (Rig: RigInventory.ReadRig(r), Free: r.GetBoolean(6)), ct).ConfigureAwait(false);
        var matching = rigs.Count(r => r.Rig.HasTags(tags));
        var waiters = await Sql.QueryAsync(c, t, "select id, tags from hil_waiters order by seq",
            r => new WaitQueue.Waiter(r.GetGuid(0), r.GetFieldValue<string[]>(1)), ct).ConfigureAwait(false);
        var rig = WaitQueue.Assign(waiters, [.. rigs.Where(r => r.Free).Select(r => r.Rig)], waiterId);
        if (rig is null)
        {
            return (null, default, matching);
        }

        // Take over an expired lease: it ended when it expired.
        var expired = await Sql.QueryAsync(c, t, "delete from hil_leases where rig = @rig and expires_at <= now() returning id, expires_at",
            r => (Id: r.GetGuid(0), ExpiresAt: r.GetFieldValue<DateTimeOffset>(1)), ct, ("rig", rig.Name)).ConfigureAwait(false);
        foreach (var (id, expiresAt) in expired)
        {
            await Sql.ExecuteAsync(c, t, "update hil_lease_log set ended_at = @at, end_reason = 'expired' where id = @id and ended_at is null", ct,
                ("id", id), ("at", expiresAt)).ConfigureAwait(false);
        }

        var expires = await Sql.QueryAsync(c, t, """
            insert into hil_leases (id, rig, runner, host, pid, test, ttl_ms, expires_at)
            values (@id, @rig, @runner, @host, @pid, @test, @ttl, now() + @ttlSpan) returning expires_at
            """, r => r.GetFieldValue<DateTimeOffset>(0), ct,
            ("id", leaseId), ("rig", rig.Name), ("runner", holder.Runner), ("host", holder.Host), ("pid", holder.Pid), ("test", holder.Test),
            ("ttl", (int)request.Ttl.TotalMilliseconds), ("ttlSpan", request.Ttl)).ConfigureAwait(false);
        await Sql.ExecuteAsync(c, t, """
            insert into hil_lease_log (id, rig, runner, host, pid, test, acquired_at) values (@id, @rig, @runner, @host, @pid, @test, now())
            """, ct, ("id", leaseId), ("rig", rig.Name), ("runner", holder.Runner), ("host", holder.Host), ("pid", holder.Pid), ("test", holder.Test)).ConfigureAwait(false);
        await Sql.ExecuteAsync(c, t, "delete from hil_waiters where id = @id", ct, ("id", waiterId)).ConfigureAwait(false);
        return (rig, expires[0], matching);
    }

    private async Task<string> DescribeHoldersAsync(IReadOnlyList<string> tags, TimeSpan wait, CancellationToken cancellationToken)
    {
        var rigs = await new RigInventory(database).ListAsync(cancellationToken).ConfigureAwait(false);
        var holders = rigs.Where(r => r.Rig.HasTags(tags)).Select(r => r.Lease is { } lease
            ? string.Create(CultureInfo.InvariantCulture, $"'{r.Rig.Name}' held by {lease.Holder.Describe()} until {lease.ExpiresAt:u}")
            : $"'{r.Rig.Name}' free but promised to an earlier waiter");
        return string.Create(CultureInfo.InvariantCulture,
            $"No rig with tags {RigTags.Describe(tags)} became free within {wait.TotalSeconds:0.#}s: {string.Join("; ", holders)}. Wait for those runs, stop them, or add rigs ('hil rigs add').");
    }

    private async Task LeaveQueueAsync(Guid waiterId)
    {
        try
        {
            await database.InTransactionAsync((c, t, ct) => Sql.ExecuteAsync(c, t, "delete from hil_waiters where id = @id", ct, ("id", waiterId)), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FarmUnavailableException or NpgsqlException)
        {
            // A waiter that stops polling is dropped from the queue after WaiterTimeout anyway.
        }
    }
}
