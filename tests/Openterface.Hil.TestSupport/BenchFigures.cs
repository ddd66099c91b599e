using System.Globalization;
using System.Text.Json;

namespace Openterface.Hil.TestSupport;

/// <summary>
/// One measured figure for ci/bench --summary, written as a JSON line to $HIL_BENCH_FIGURES and to standard output
/// (NUnit keeps it with the test): ours, the anchor measured in the same run (named), and the unit. Rows and goals
/// live in ci/summary.py. Every figure producer in every test project writes through this one class.
/// </summary>
public static class BenchFigures
{
    public const string EnvironmentVariable = "HIL_BENCH_FIGURES";

    /// <returns>The JSON line written.</returns>
    public static string Write(string id, double ours, double? anchor, string anchorName, string unit, string note = "")
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
        Console.Out.WriteLine(line);
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } path)
        {
            File.AppendAllText(path, line + "\n");
        }

        return line;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }

    public static string Percent(double value) => value.ToString("P2", CultureInfo.InvariantCulture);
}
