using System.Diagnostics;
using Npgsql;

namespace Openterface.Hil.Farm.Tests;

/// <summary>
/// The throwaway PostgreSQL cluster of ci/postgres (started on first use), and a fresh database in it per fixture so
/// that fixtures never see each other's rigs.
/// </summary>
internal static class PostgresCluster
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? serverUri;

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Openterface.Hil.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Openterface.Hil.sln not found above the test assembly.");
        }
    }

    /// <summary>Starts the cluster (idempotent) and returns its URI.</summary>
    public static async Task<string> StartAsync()
    {
        await Gate.WaitAsync();
        try
        {
            serverUri ??= (await RunScriptAsync("start")).Trim().Split('\n')[^1].Trim();
            return serverUri;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A new empty database; returns its URI.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await StartAsync();
        var name = "t_" + Guid.NewGuid().ToString("N")[..12];
        await using var source = NpgsqlDataSource.Create(ConnectionString(server));
        await using var command = source.CreateCommand($"create database {name}");
        await command.ExecuteNonQueryAsync();
        return server[..server.LastIndexOf('/')] + "/" + name;
    }

    /// <summary>Stops and starts PostgreSQL (what a failover or an upgrade does to the runners).</summary>
    public static Task RestartAsync() => RunScriptAsync("restart");

    public static string ConnectionString(string uri) => PoolUri.Parse(uri).ConnectionString;

    private static async Task<string> RunScriptAsync(string verb)
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot, "ci", "postgres"), verb)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            Assert.Fail($"ci/postgres {verb} failed ({process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }
}
