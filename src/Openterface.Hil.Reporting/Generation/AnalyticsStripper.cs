namespace Openterface.Hil.Reporting;

/// <summary>
/// Removes the Google Analytics tags Allure 3 embeds in its page (a remote script and the inline gtag() call), so the
/// report loads offline and sends nothing anywhere.
/// </summary>
internal static class AnalyticsStripper
{
    private const string ScriptOpen = "<script";
    private const string ScriptClose = "</script>";

    /// <summary>The page without analytics scripts; the count of scripts removed in <paramref name="removed"/>.</summary>
    internal static string Strip(string html, out int removed)
    {
        ArgumentNullException.ThrowIfNull(html);
        removed = 0;
        var searchFrom = 0;
        while (true)
        {
            var start = html.IndexOf(ScriptOpen, searchFrom, StringComparison.OrdinalIgnoreCase);
            if (start < 0)
            {
                return html;
            }

            var end = html.IndexOf(ScriptClose, start, StringComparison.OrdinalIgnoreCase);
            if (end < 0)
            {
                return html;
            }

            end += ScriptClose.Length;
            if (IsAnalytics(html.AsSpan(start, end - start)))
            {
                html = html.Remove(start, end - start);
                removed++;
                searchFrom = start;
            }
            else
            {
                searchFrom = end;
            }
        }
    }

    private static bool IsAnalytics(ReadOnlySpan<char> script)
    {
        // Large inline scripts are the application bundle or report data; analytics tags are short.
        if (script.Length > 4096)
        {
            return false;
        }

        return script.Contains("googletagmanager.com", StringComparison.OrdinalIgnoreCase)
            || script.Contains("gtag(", StringComparison.Ordinal)
            || script.Contains("google-analytics.com", StringComparison.OrdinalIgnoreCase);
    }
}
