using Npgsql;

namespace Openterface.Hil.Farm;

/// <summary>
/// A farm pool URI, `postgres://user[:password]@host[:port]/database[?sslmode=require&amp;...]`, turned into an Npgsql
/// connection string. <see cref="Display"/> is the URI with the password removed, safe for logs and messages.
/// </summary>
public sealed class PoolUri
{
    private PoolUri(string connectionString, string display)
    {
        ConnectionString = connectionString;
        Display = display;
    }

    /// <summary>The Npgsql connection string (may contain the password: never log it).</summary>
    internal string ConnectionString { get; }

    /// <summary>The URI without its password.</summary>
    public string Display { get; }

    public override string ToString() => Display;

    public static PoolUri Parse(string uri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        if (!PoolUris.IsFarm(uri) || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Host.Length == 0)
        {
            throw new ArgumentException($"Pool URI '{PoolUris.Redact(uri)}' is not a PostgreSQL URI. Use postgres://user@host[:port]/database.", nameof(uri));
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = parsed.Host,
            Port = parsed.IsDefaultPort || parsed.Port < 0 ? 5432 : parsed.Port,
            Database = Uri.UnescapeDataString(parsed.AbsolutePath.Trim('/')) is { Length: > 0 } db ? db : "hil",
            ApplicationName = "openterface-hil",
            Timeout = 5,
            CommandTimeout = 15,
        };
        var userInfo = parsed.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        foreach (var pair in parsed.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            try
            {
                builder[key] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "true";
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"Pool URI option '{key}' is not a PostgreSQL connection setting ({e.Message}).", nameof(uri), e);
            }
        }

        return new PoolUri(builder.ConnectionString, PoolUris.Redact(uri));
    }
}
