namespace Openterface.Hil;

/// <summary>
/// Pool URI text shared by the NUnit package (which must not load the farm to read its settings) and the farm package:
/// which URIs name a farm, and the URI as it may be shown.
/// </summary>
public static class PoolUris
{
    /// <summary>True when <paramref name="uri"/> names a PostgreSQL farm (scheme postgres or postgresql).</summary>
    public static bool IsFarm(string? uri) =>
        uri is not null && (uri.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase));

    /// <summary>The URI with any password replaced by '***'.</summary>
    public static string Redact(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var at = uri.IndexOf('@', StringComparison.Ordinal);
        var scheme = uri.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || scheme < 0 || at < scheme)
        {
            return uri;
        }

        var colon = uri.IndexOf(':', scheme + 3);
        return colon > 0 && colon < at ? string.Concat(uri.AsSpan(0, colon + 1), "***", uri.AsSpan(at)) : uri;
    }
}
