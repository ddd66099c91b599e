using System.CommandLine;
using System.Text.Json;
using Openterface.Hil.Farm;

namespace Openterface.Hil.Cli.Commands.Rigs;

/// <summary>The `--pool` option every `hil rigs` verb takes, and opening the farm it names (or HIL_POOL).</summary>
internal static class RigsPool
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Option<string?> Option() => new("--pool") { Description = "Farm URI postgres://user@host[:port]/db (default: $HIL_POOL)" };

    public static Option<bool> JsonOption() => new("--json") { Description = "Print JSON on stdout" };

    public static FarmDatabase Open(ParseResult parseResult, Option<string?> pool)
    {
        var uri = parseResult.GetValue(pool) is { Length: > 0 } given ? given : Environment.GetEnvironmentVariable("HIL_POOL");
        if (string.IsNullOrWhiteSpace(uri))
        {
            throw new ArgumentException("No farm given. Pass --pool postgres://user@host/db or set HIL_POOL (ci/postgres start prints a local one).");
        }

        return new FarmDatabase(PoolUri.Parse(uri));
    }

    /// <summary>Runs a verb against the farm with uniform error handling.</summary>
    public static async Task<int> RunAsync(ParseResult parseResult, Option<string?> pool, Func<FarmDatabase, Task<int>> action)
    {
        try
        {
            var database = Open(parseResult, pool);
            await using (database.ConfigureAwait(false))
            {
                return await action(database).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return CliErrors.Report(e);
        }
    }
}
