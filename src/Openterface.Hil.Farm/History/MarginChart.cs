using System.Globalization;
using System.Text;

namespace Openterface.Hil.Farm;

/// <summary>The "needle margins" chart: a needle's recent scores, one dot per run, with its threshold line, as SVG.</summary>
public static class MarginChart
{
    private const int Width = 480;
    private const int Height = 200;
    private const int Pad = 32;

    public static string Svg(NeedleTrend trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var scores = trend.RecentScores;
        var low = Math.Min(scores.Min(), trend.Threshold) - 0.02;
        var high = Math.Max(scores.Max(), trend.Threshold) + 0.02;
        double X(int i) => Pad + (scores.Count == 1 ? (Width - (2 * Pad)) / 2.0 : i * (Width - (2 * Pad)) / (double)(scores.Count - 1));
        double Y(double v) => Height - Pad - ((v - low) / (high - low) * (Height - (2 * Pad)));
        var svg = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        svg.Append(c, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append(c, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>");
        svg.Append(c, $"<text x=\"{Pad}\" y=\"16\">needle '{Escape(trend.Needle)}': last {scores.Count} scores, median {trend.MedianScore:0.000}, threshold {trend.Threshold:0.000}{(trend.Flagged ? " (near threshold)" : string.Empty)}</text>");
        svg.Append(c, $"<line x1=\"{Pad}\" x2=\"{Width - Pad}\" y1=\"{Y(trend.Threshold):0.#}\" y2=\"{Y(trend.Threshold):0.#}\" stroke=\"red\" stroke-dasharray=\"4 3\"/>");
        svg.Append(c, $"<text x=\"{Width - Pad + 2}\" y=\"{Y(trend.Threshold) + 4:0.#}\" fill=\"red\">{trend.Threshold:0.00}</text>");
        svg.Append(c, $"<polyline fill=\"none\" stroke=\"#36c\" points=\"{string.Join(' ', scores.Select((s, i) => string.Create(c, $"{X(i):0.#},{Y(s):0.#}")))}\"/>");
        for (var i = 0; i < scores.Count; i++)
        {
            svg.Append(c, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(scores[i]):0.#}\" r=\"3\" fill=\"{(scores[i] < trend.Threshold ? "red" : "#36c")}\"><title>{scores[i]:0.000}</title></circle>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("'", "&apos;", StringComparison.Ordinal);
}
