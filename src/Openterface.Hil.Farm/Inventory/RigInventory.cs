using Npgsql;

namespace Openterface.Hil.Farm;

/// <summary>Adds, removes and lists the farm's rigs (with who holds each one now).</summary>
public sealed class RigInventory(FarmDatabase database)
{
    /// <summary>Adds a rig, or replaces the URIs and tags of an existing rig with that name.</summary>
    public Task AddAsync(FarmRig rig, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rig);
        ArgumentException.ThrowIfNullOrWhiteSpace(rig.Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(rig.Serial);
        return database.InTransactionAsync(
            (c, t, ct) => Sql.ExecuteAsync(c, t, """
                insert into hil_rigs (name, serial, video, console, power, tags) values (@name, @serial, @video, @console, @power, @tags)
                on conflict (name) do update set serial = excluded.serial, video = excluded.video, console = excluded.console,
                    power = excluded.power, tags = excluded.tags
                """, ct, ("name", rig.Name), ("serial", rig.Serial), ("video", rig.Video), ("console", rig.Console), ("power", rig.Power),
                ("tags", RigTags.Normalize(rig.Tags).ToArray())),
            cancellationToken);
    }

    /// <summary>Removes a rig (and any lease on it). Throws when no rig has that name.</summary>
    public async Task RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var removed = await database.InTransactionAsync(
            (c, t, ct) => Sql.ExecuteAsync(c, t, "delete from hil_rigs where name = @name", ct, ("name", name)),
            cancellationToken).ConfigureAwait(false);
        if (removed == 0)
        {
            throw new HilException($"No rig named '{name}' in the farm. 'hil rigs list' shows the rigs.");
        }
    }

    /// <summary>Every rig with its current lease (null when free or expired).</summary>
    public Task<List<RigStatus>> ListAsync(CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(
            (c, t, ct) => Sql.QueryAsync(c, t, $"""
                select {RigColumns}, l.id, l.runner, l.host, l.pid, l.test, l.acquired_at, l.expires_at
                from hil_rigs r left join hil_leases l on l.rig = r.name and l.expires_at > now()
                order by r.name
                """, r => new RigStatus(ReadRig(r), r.IsDBNull(6) ? null : ReadLease(r, 6)), ct),
            cancellationToken);

    internal const string RigColumns = "r.name, r.serial, r.video, r.console, r.power, r.tags";

    internal static FarmRig ReadRig(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.NullableString(2), r.NullableString(3), r.NullableString(4), r.GetFieldValue<string[]>(5));

    /// <summary>Reads lease columns id, runner, host, pid, test, acquired_at, expires_at starting at <paramref name="at"/>.</summary>
    internal static LeaseInfo ReadLease(NpgsqlDataReader r, int at) =>
        new(r.GetGuid(at), new LeaseHolder(r.GetString(at + 1), r.GetString(at + 2), r.GetInt32(at + 3), r.NullableString(at + 4)),
            r.GetFieldValue<DateTimeOffset>(at + 5), r.GetFieldValue<DateTimeOffset>(at + 6));
}

/// <summary>A rig and its live lease, if any.</summary>
public sealed record RigStatus(FarmRig Rig, LeaseInfo? Lease);

/// <summary>A lease as stored: who holds which rig since when, until when.</summary>
public sealed record LeaseInfo(Guid Id, LeaseHolder Holder, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt);
