using System.Net.Sockets;
using Npgsql;
using Polly;
using Polly.Retry;

namespace Openterface.Hil.Farm;

/// <summary>
/// The farm's PostgreSQL database: one Npgsql data source, migrations run once on first use, and every unit of work
/// (a whole transaction) retried by Polly when the server is briefly unreachable — a restart, a failover, a dropped
/// connection. A unit of work must therefore be idempotent as a whole; the lease code makes it so with client-chosen ids.
/// </summary>
public sealed class FarmDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly ResiliencePipeline pipeline;
    private readonly SemaphoreSlim migrateGate = new(1, 1);
    private bool migrated;

    public FarmDatabase(PoolUri uri, TimeProvider? timeProvider = null, TimeSpan? reconnectFor = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        Uri = uri;
        TimeProvider = timeProvider ?? TimeProvider.System;
        dataSource = NpgsqlDataSource.Create(uri.ConnectionString);
        pipeline = new ResiliencePipelineBuilder { TimeProvider = TimeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(100),
                MaxDelay = TimeSpan.FromSeconds(1),
                MaxRetryAttempts = (int)Math.Max(1, (reconnectFor ?? TimeSpan.FromSeconds(30)).TotalSeconds),
                OnRetry = _ =>
                {
                    NpgsqlConnection.ClearPool(new NpgsqlConnection(uri.ConnectionString));
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public PoolUri Uri { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>True for failures that a new connection may cure (server restarting, connection lost).</summary>
    public static bool IsTransient(Exception error) => error switch
    {
        PostgresException p => p.IsTransient || p.SqlState is "57P01" or "57P02" or "57P03" or "08000" or "08003" or "08006",
        NpgsqlException n => n.IsTransient || n.InnerException is IOException or SocketException or TimeoutException,
        SocketException or IOException => true,
        _ => false,
    };

    /// <summary>Runs one unit of work in a transaction (migrating first if needed), retrying it whole on transient failures.</summary>
    public async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        return await RunAsync(work, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies every pending migration (also run implicitly before the first unit of work).</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (migrated)
        {
            return [];
        }

        await migrateGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (migrated)
            {
                return [];
            }

            var applied = await RunAsync(Migrations.ApplyAsync, cancellationToken).ConfigureAwait(false);
            migrated = true;
            return applied;
        }
        finally
        {
            migrateGate.Release();
        }
    }

    private async Task<T> RunAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.ExecuteAsync(
                async token =>
                {
                    var connection = await dataSource.OpenConnectionAsync(token).ConfigureAwait(false);
                    await using (connection.ConfigureAwait(false))
                    {
                        var transaction = await connection.BeginTransactionAsync(token).ConfigureAwait(false);
                        await using (transaction.ConfigureAwait(false))
                        {
                            var result = await work(connection, transaction, token).ConfigureAwait(false);
                            await transaction.CommitAsync(token).ConfigureAwait(false);
                            return result;
                        }
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsTransient(e))
        {
            throw new FarmUnavailableException(
                $"The farm database '{Uri.Display}' is unreachable ({e.Message}). Check that PostgreSQL runs and the pool URI is right.", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await dataSource.DisposeAsync().ConfigureAwait(false);
        migrateGate.Dispose();
    }
}
