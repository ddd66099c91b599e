using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Openterface.Hil.Farm;

namespace Openterface.Hil.Cli.Commands.Rigs;

/// <summary>`hil rigs history [--needle NAME] [--rig NAME] [--json]`: test runs, needle decisions and needle trends.</summary>
internal static class RigsHistoryCommand
{
    public static Command Create()
    {
        var pool = RigsPool.Option();
        var json = RigsPool.JsonOption();
        var needle = new Option<string?>("--needle") { Description = "Only this needle's decisions (and its trend)" };
        var rig = new Option<string?>("--rig") { Description = "Only runs and decisions on this rig" };
        var limit = new Option<int>("--limit") { Description = "Rows of each kind (newest first)", DefaultValueFactory = _ => 50 };
        var command = new Command("history", "Show test runs, needle decisions and needles whose scores drift towards their threshold.")
        {
            needle, rig, limit, json, pool,
        };
        command.SetAction((parseResult, cancellationToken) => RigsPool.RunAsync(parseResult, pool, async database =>
        {
            var history = new FarmHistory(database);
            var needleName = parseResult.GetValue(needle);
            var rigName = parseResult.GetValue(rig);
            var rows = parseResult.GetValue(limit);
            var runs = needleName is null ? await history.TestRunsAsync(rigName, rows, cancellationToken).ConfigureAwait(false) : [];
            var decisions = await history.NeedleDecisionsAsync(needleName, rigName, rows, cancellationToken).ConfigureAwait(false);
            var trends = await history.NeedleTrendsAsync(needleName, cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    runs,
                    needleDecisions = decisions,
                    needleTrends = trends.Select(t => new { t.Needle, t.Threshold, t.MedianScore, t.Samples, t.Headroom, t.Flagged }),
                }, RigsPool.Json));
                return 0;
            }

            var c = CultureInfo.InvariantCulture;
            Console.WriteLine($"Test runs ({runs.Count}):");
            foreach (var r in runs)
            {
                Console.WriteLine(string.Create(c, $"  {r.StartedAt:u}  {r.Outcome,-8} {r.Duration.TotalSeconds,7:0.0}s  rig {r.Rig ?? "-"}  runner {r.Runner}@{r.Host}  {r.Test}"));
            }

            Console.WriteLine($"Needle decisions ({decisions.Count}):");
            foreach (var d in decisions)
            {
                Console.WriteLine(string.Create(c, $"  {d.DecidedAt:u}  {d.Needle}  score {d.Score:0.000} / {d.Threshold:0.000}  {(d.Found ? "found" : "not found")}  rig {d.Rig ?? "-"}  {d.Test}"));
            }

            Console.WriteLine("Needle trends (median of the last 20 scores):");
            foreach (var t in trends)
            {
                Console.WriteLine(string.Create(c, $"  {t.Needle}  median {t.MedianScore:0.000}  threshold {t.Threshold:0.000}  headroom {t.Headroom:+0.000;-0.000}  {(t.Flagged ? "NEAR THRESHOLD: re-cut this needle" : "ok")}"));
            }

            return 0;
        }));
        return command;
    }
}
