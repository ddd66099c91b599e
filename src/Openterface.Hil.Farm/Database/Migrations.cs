using Npgsql;

namespace Openterface.Hil.Farm;

/// <summary>
/// The farm schema as numbered migrations, applied in order inside one transaction under an advisory lock, so that
/// many runners starting at once migrate exactly once. A migration is never edited after release: add a new one.
/// </summary>
internal static class Migrations
{
    /// <summary>Advisory-lock key for schema changes ("HILM").</summary>
    private const long MigrationLock = 0x48494C4D;

    public static IReadOnlyList<(int Version, string Name, string Sql)> All { get; } =
    [
        (1, "rigs, leases, waiters, lease log", """
            create table hil_rigs (
                name text primary key,
                serial text not null,
                video text,
                console text,
                power text,
                tags text[] not null default '{}',
                added_at timestamptz not null default now());
            create table hil_leases (
                id uuid primary key,
                rig text not null unique references hil_rigs(name) on delete cascade,
                runner text not null,
                host text not null,
                pid integer not null,
                test text,
                ttl_ms integer not null,
                acquired_at timestamptz not null default now(),
                renewed_at timestamptz not null default now(),
                expires_at timestamptz not null);
            create table hil_waiters (
                id uuid primary key,
                seq bigserial not null,
                tags text[] not null,
                runner text not null,
                host text not null,
                pid integer not null,
                test text,
                arrived_at timestamptz not null default now(),
                heartbeat_at timestamptz not null default now());
            create table hil_lease_log (
                id uuid primary key,
                rig text not null,
                runner text not null,
                host text not null,
                pid integer not null,
                test text,
                acquired_at timestamptz not null,
                ended_at timestamptz,
                end_reason text);
            create index hil_lease_log_rig on hil_lease_log (rig, acquired_at);
            """),
        (2, "history: test runs and needle decisions", """
            create table hil_test_runs (
                id bigserial primary key,
                test text not null,
                rig text,
                runner text not null,
                host text not null,
                outcome text not null,
                duration_ms bigint not null,
                started_at timestamptz not null,
                allure_uuid text);
            create index hil_test_runs_started on hil_test_runs (started_at);
            create table hil_needle_decisions (
                id bigserial primary key,
                needle text not null,
                score double precision not null,
                threshold double precision not null,
                found boolean not null,
                frame_width integer not null,
                frame_height integer not null,
                rig text,
                test text,
                decided_at timestamptz not null default now());
            create index hil_needle_decisions_needle on hil_needle_decisions (needle, decided_at);
            """),
    ];

    public static int Latest => All[^1].Version;

    /// <summary>Applies the pending migrations; returns the versions applied now.</summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, transaction, "select pg_advisory_xact_lock(@key)", cancellationToken, ("key", MigrationLock)).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, transaction, """
            create table if not exists hil_schema_migrations (
                version integer primary key,
                name text not null,
                applied_at timestamptz not null default now())
            """, cancellationToken).ConfigureAwait(false);
        var done = (await Sql.QueryAsync(connection, transaction, "select version from hil_schema_migrations", r => r.GetInt32(0), cancellationToken).ConfigureAwait(false)).ToHashSet();
        if (done.Count > 0 && done.Max() > Latest)
        {
            throw new HilException($"The farm database is at schema version {done.Max()}, newer than this hil ({Latest}). Update hil on this runner.");
        }

        var applied = new List<int>();
        foreach (var (version, name, sql) in All)
        {
            if (done.Contains(version))
            {
                continue;
            }

            await Sql.ExecuteAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
            await Sql.ExecuteAsync(connection, transaction, "insert into hil_schema_migrations (version, name) values (@v, @n)", cancellationToken, ("v", version), ("n", name)).ConfigureAwait(false);
            applied.Add(version);
        }

        return applied;
    }
}
