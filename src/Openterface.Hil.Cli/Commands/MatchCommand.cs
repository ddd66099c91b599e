using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Cli.Commands;

/// <summary>`hil match FRAME NEEDLE`: is the needle on the screenshot? Exit 0 when found, 1 when not.</summary>
internal sealed class MatchCommand : ICommandFactory
{
    public Command Create()
    {
        var frameArgument = new Argument<string>("frame") { Description = "Screenshot (PNG or JPEG)." };
        var needleArgument = new Argument<string>("needle") { Description = "Needle JSON or PNG (openQA format)." };
        var threshold = new Option<double?>("--threshold") { Description = "Grey score needed (0..1) for areas without a 'match' value; default 0.95." };
        var scope = new Option<string>("--scope") { Description = "auto (near, then whole frame), near, or whole.", DefaultValueFactory = _ => "auto" };
        var overlay = new Option<string?>("--overlay") { Description = "Write the frame with the match outlined (green found, red best miss)." };
        var diff = new Option<string?>("--diff") { Description = "Write needle | candidate | difference for each match area." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("match", "Look for a needle on a screenshot; prints found, score and place.");
        command.Arguments.Add(frameArgument);
        command.Arguments.Add(needleArgument);
        foreach (var option in new Option[] { threshold, scope, overlay, diff, json })
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
                }

                var searchScope = ParseScope(parseResult.GetValue(scope)!);
                var needle = Needle.Load(parseResult.GetValue(needleArgument)!);
                using var frame = ImageCodec.Load(parseResult.GetValue(frameArgument)!);
                using var matcher = new NeedleMatcher(options);
                var result = matcher.Match(frame, needle, searchScope);
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

                Console.WriteLine(parseResult.GetValue(json) ? ToJson(result) : Describe(result));
                return result.Found ? 0 : CliErrors.Failure;
            }
            catch (Exception e) when (e is HilException or ArgumentException or IOException)
            {
                return CliErrors.Report(e);
            }
        });
        return command;
    }

    internal static Imaging.SearchScope ParseScope(string value) => value switch
    {
        "auto" => Imaging.SearchScope.Auto,
        "near" => Imaging.SearchScope.NearRecordedPosition,
        "whole" => Imaging.SearchScope.WholeFrame,
        _ => throw new ArgumentException($"Scope '{value}' is not known. Use 'auto', 'near' or 'whole'."),
    };

    internal static string Describe(MatchResult r) =>
        r.Found
            ? string.Create(CultureInfo.InvariantCulture, $"found '{r.NeedleName}' score {r.Score:0.000} at {r.Bounds.X},{r.Bounds.Y} size {r.Bounds.Width}x{r.Bounds.Height} click {r.ClickPoint.X},{r.ClickPoint.Y}")
            : $"not found '{r.NeedleName}': {r.Reason}";

    internal static string ToJson(MatchResult r) => JsonSerializer.Serialize(new
    {
        needle = r.NeedleName,
        found = r.Found,
        score = Math.Round(r.Score, 4),
        threshold = r.Threshold,
        x = r.Bounds.X,
        y = r.Bounds.Y,
        width = r.Bounds.Width,
        height = r.Bounds.Height,
        click_x = r.ClickPoint.X,
        click_y = r.ClickPoint.Y,
        scope = r.Scope.ToString(),
        reason = r.Reason,
    });
}
