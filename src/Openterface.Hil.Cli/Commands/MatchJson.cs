using System.Drawing;
using System.Text.Json;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Cli.Commands;

/// <summary>`hil match --json`: the decision, the metric that decided it, every area and the box searched.</summary>
internal static class MatchJson
{
    internal static string Write(IReadOnlyList<MatchResult> ranked, IReadOnlyList<string> notes)
    {
        var r = ranked[0];
        return JsonSerializer.Serialize(new
        {
            needle = r.NeedleName,
            found = r.Found,
            metric = r.Metric == MatchMetric.OpenQaMse ? "openqa-mse" : "stbt-sqdiff",
            score = Math.Round(r.Score, 4),
            threshold = r.Threshold,
            x = r.Bounds.X,
            y = r.Bounds.Y,
            width = r.Bounds.Width,
            height = r.Bounds.Height,
            click_x = r.ClickPoint.X,
            click_y = r.ClickPoint.Y,
            search_ratio = r.SearchRatio,
            error = Math.Round(r.Error, 6),
            workaround = r.Workaround,
            areas = r.Areas.Select(a => new
            {
                index = a.Index,
                similarity = Math.Round(a.Similarity, 4),
                level = a.Level,
                passed = a.Passed,
                x = a.Bounds.X,
                y = a.Bounds.Y,
                width = a.Bounds.Width,
                height = a.Bounds.Height,
                margin = a.Margin,
                search_box = Box(a.SearchBox),
                mse = a.MeanSquaredError is { } mse ? Math.Round(mse, 3) : (double?)null,
                confirm_remaining = a.ConfirmRemaining,
            }),
            candidates = ranked.Select(c => new { needle = c.NeedleName, found = c.Found, score = Math.Round(c.Score, 4), error = Math.Round(c.Error, 6) }),
            notes,
            reason = r.Reason,
        });
    }

    private static object Box(Rectangle b) => new { x = b.X, y = b.Y, width = b.Width, height = b.Height };
}
