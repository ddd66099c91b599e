using System.CommandLine;
using System.Globalization;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Cli.Commands;

/// <summary>
/// `hil match FRAME NEEDLE` or `hil match FRAME --needles DIR --tag TAG`: is the needle (any needle with the tag) on
/// the screenshot? openQA needles are decided as openQA does, bare PNG templates as stb-tester does. Exit 0 when
/// found, 1 when not.
/// </summary>
internal sealed class MatchCommand : ICommandFactory
{
    public Command Create()
    {
        var frameArgument = new Argument<string>("frame") { Description = "Screenshot (PNG or JPEG)." };
        var needleArgument = new Argument<string?>("needle")
        {
            Description = "openQA needle JSON (or its PNG), or a bare PNG cut-out (stb-tester: whole image, alpha = mask).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var needles = new Option<string?>("--needles") { Description = "Needle folder; with --tag, any needle carrying the tag may match (openQA)." };
        var tag = new Option<string?>("--tag") { Description = "Needle name or tag to look up in --needles." };
        var threshold = new Option<double?>("--threshold") { Description = "Level (0..1) for areas without 'match' (openQA similarity, default 0.96) and for templates (default 0.98)." };
        var ratio = new Option<double>("--search-ratio") { Description = "Elapsed share of a wait (0..1): widens each margin to margin + ratio x (1024 - margin) as openQA does; default 0 (the margin as written)." };
        var overlay = new Option<string?>("--overlay") { Description = "Write the frame with the match outlined (green found, red best miss)." };
        var diff = new Option<string?>("--diff") { Description = "Write needle | candidate | difference for each match area." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("match", "Look for a needle on a screenshot; prints found, the deciding metric, each area's similarity and the box searched.");
        command.Arguments.Add(frameArgument);
        command.Arguments.Add(needleArgument);
        foreach (var option in new Option[] { needles, tag, threshold, ratio, overlay, diff, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult =>
        {
            try
            {
                var options = new MatchOptions();
                if (parseResult.GetValue(threshold) is { } t)
                {
                    ArgumentOutOfRangeException.ThrowIfLessThan(t, 0.0, "--threshold");
                    ArgumentOutOfRangeException.ThrowIfGreaterThan(t, 1.0, "--threshold");
                    options.DefaultThreshold = t;
                    options.TemplateThreshold = t;
                }

                var candidates = Candidates(parseResult.GetValue(needleArgument), parseResult.GetValue(needles), parseResult.GetValue(tag));
                using var frame = ImageCodec.Load(parseResult.GetValue(frameArgument)!);
                using var matcher = new NeedleMatcher(options);
                var ranked = matcher.Rank(frame, candidates, Imaging.SearchScope.Auto, parseResult.GetValue(ratio));
                var result = ranked[0];
                var needle = candidates.First(n => n.Name == result.NeedleName);
                if (parseResult.GetValue(overlay) is { } overlayPath)
                {
                    using var drawn = MatchOverlay.Draw(frame, result);
                    drawn.Save(overlayPath);
                }

                if (parseResult.GetValue(diff) is { } diffPath && !result.Bounds.IsEmpty)
                {
                    using var pictured = MatchOverlay.Diff(frame, needle, result);
                    pictured.Save(diffPath);
                }

                Console.WriteLine(parseResult.GetValue(json) ? MatchJson.Write(ranked, needle.Notes) : Describe(result));
                return result.Found ? 0 : CliErrors.Failure;
            }
            catch (Exception e) when (e is HilException or ArgumentException or IOException)
            {
                return CliErrors.Report(e);
            }
        });
        return command;
    }

    private static IReadOnlyList<Needle> Candidates(string? needlePath, string? folder, string? tag)
    {
        if (folder is not null || tag is not null)
        {
            if (folder is null || tag is null || needlePath is not null)
            {
                throw new ArgumentException("Give either NEEDLE, or both '--needles DIR' and '--tag TAG' (not both forms).");
            }

            return NeedleSet.LoadFolder(folder).Resolve(tag);
        }

        if (needlePath is null)
        {
            throw new ArgumentException("Give the needle to look for: a needle JSON or PNG, or '--needles DIR --tag TAG'.");
        }

        return [Needle.Load(needlePath)];
    }

    internal static string Describe(MatchResult r) =>
        r.Found
            ? string.Create(CultureInfo.InvariantCulture, $"found '{r.NeedleName}' score {r.Score:0.000} at {r.Bounds.X},{r.Bounds.Y} size {r.Bounds.Width}x{r.Bounds.Height} click {r.ClickPoint.X},{r.ClickPoint.Y}")
            : $"not found '{r.NeedleName}': {r.Reason}";
}
