using System.Globalization;
using System.Text.Json;

namespace Openterface.Hil.Imaging.Tests.Ocr.Figures;

/// <summary>
/// One measured figure for ci/bench --summary, written as a JSON line to $HIL_BENCH_FIGURES (and to the test
/// output): ours, the anchor measured in the same run (named), and the unit. Rows and goals live in ci/summary.py.
/// </summary>
internal static class BenchFigures
{
    internal const string EnvironmentVariable = "HIL_BENCH_FIGURES";

    internal static void Write(string id, double ours, double? anchor, string anchorName, string unit, string note = "")
    {
        var line = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["ours"] = Math.Round(ours, 4),
            ["anchor"] = anchor is { } a ? Math.Round(a, 4) : null,
            ["anchorName"] = anchorName,
            ["unit"] = unit,
            ["note"] = note,
        });
        TestContext.Out.WriteLine(line);
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } path)
        {
            File.AppendAllText(path, line + "\n");
        }
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }

    internal static string Percent(double value) => value.ToString("P2", CultureInfo.InvariantCulture);
}
