using System.CommandLine;
using System.Drawing;
using System.Globalization;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Cli.Commands;

/// <summary>
/// `hil needle create|check|accept`: make openQA-style needles from a screenshot, validate a needle folder, and
/// promote a candidate needle a failed wait saved.
/// </summary>
internal sealed class NeedleCommand : ICommandFactory
{
    public Command Create()
    {
        var command = new Command("needle", "Create needles (PNG + JSON, openQA format) and check needle folders.");
        command.Subcommands.Add(CreateVerb());
        command.Subcommands.Add(CheckVerb());
        command.Subcommands.Add(AcceptVerb());
        return command;
    }

    internal static Rectangle ParseRegion(string text)
    {
        var parts = text.Split(',');
        var numbers = new int[4];
        if (parts.Length != 4 || parts.Select((p, i) => int.TryParse(p.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out numbers[i])).Any(ok => !ok))
        {
            throw new ArgumentException($"Region '{text}' is not X,Y,W,H (four integers, e.g. 100,40,200,60).");
        }

        return new Rectangle(numbers[0], numbers[1], numbers[2], numbers[3]);
    }

    internal static Point ParsePoint(string text)
    {
        var parts = text.Split(',');
        var numbers = new int[2];
        if (parts.Length != 2 || parts.Select((p, i) => int.TryParse(p.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out numbers[i])).Any(ok => !ok))
        {
            throw new ArgumentException($"Click point '{text}' is not X,Y (two integers in screenshot pixels, e.g. 150,70).");
        }

        return new Point(numbers[0], numbers[1]);
    }

    /// <summary>
    /// The areas of `hil needle create`: the match area (with the click point, given in screenshot pixels, made
    /// relative to it), then each exclude and OCR area. A click point outside the match area is an error.
    /// </summary>
    internal static IReadOnlyList<NeedleArea> Areas(string match, string? click, IEnumerable<string> excludes, IEnumerable<string> ocrs)
    {
        var bounds = ParseRegion(match);
        Point? clickPoint = null;
        if (click is not null)
        {
            var point = ParsePoint(click);
            if (!bounds.Contains(point))
            {
                throw new ArgumentException(
                    $"Click point '{click}' is outside the match area '{match}'. Give a point inside it (screenshot pixels).");
            }

            clickPoint = new Point(point.X - bounds.X, point.Y - bounds.Y);
        }

        var areas = new List<NeedleArea> { new(bounds, NeedleAreaType.Match, null, clickPoint) };
        areas.AddRange(excludes.Select(e => new NeedleArea(ParseRegion(e), NeedleAreaType.Exclude, null, null)));
        areas.AddRange(ocrs.Select(o => new NeedleArea(ParseRegion(o), NeedleAreaType.Ocr, null, null)));
        return areas;
    }

    private static Command CreateVerb()
    {
        var frameArgument = new Argument<string>("frame") { Description = "Screenshot to cut the needle from (PNG or JPEG)." };
        var region = new Option<string>("--region") { Description = "Match area X,Y,W,H in pixels.", Required = true };
        var tags = new Option<string[]>("--tag") { Description = "Tag (repeat for more); the first names the files unless --name is given.", Required = true };
        var name = new Option<string?>("--name") { Description = "File name (without extension); default: the first tag." };
        var output = new Option<string>("--output", "-o") { Description = "Needle folder.", Required = true };
        var click = new Option<string?>("--click") { Description = "Click point X,Y in screenshot pixels, inside the match area." };
        var exclude = new Option<string[]>("--exclude") { Description = "Exclude area X,Y,W,H (ignored when matching; repeat for more)." };
        var ocr = new Option<string[]>("--ocr") { Description = "OCR area X,Y,W,H (repeat for more)." };
        var command = new Command("create", "Write NAME.png (the screenshot) and NAME.json (tags, a match area, optional exclude/OCR areas).");
        command.Arguments.Add(frameArgument);
        foreach (var option in new Option[] { region, tags, name, output, click, exclude, ocr })
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult =>
        {
            try
            {
                var areas = Areas(parseResult.GetValue(region)!, parseResult.GetValue(click), parseResult.GetValue(exclude) ?? [], parseResult.GetValue(ocr) ?? []);
                var tagList = parseResult.GetValue(tags)!;
                var fileName = parseResult.GetValue(name) ?? tagList[0];
                using var frame = ImageCodec.Load(parseResult.GetValue(frameArgument)!);
                var (png, json) = NeedleWriter.Write(frame, areas, tagList, fileName, parseResult.GetValue(output)!);
                Console.WriteLine($"wrote {png} and {json}");
                return 0;
            }
            catch (Exception e) when (e is HilException or ArgumentException or IOException)
            {
                return CliErrors.Report(e);
            }
        });
        return command;
    }

    private static Command CheckVerb()
    {
        var folder = new Argument<string>("folder") { Description = "Needle folder (searched recursively)." };
        var command = new Command("check", "Validate every needle in a folder; exit non-zero when any has a problem.");
        command.Arguments.Add(folder);
        command.SetAction(parseResult =>
        {
            var directory = parseResult.GetValue(folder)!;
            if (!Directory.Exists(directory))
            {
                return CliErrors.Report(new HilException($"Needle folder '{directory}' does not exist. Check the path."));
            }

            var problems = NeedleChecker.Check(directory, out var good);
            foreach (var problem in problems)
            {
                Console.Error.WriteLine(problem);
            }

            Console.WriteLine($"{good} needle(s) ok, {problems.Count} problem(s) in '{directory}'");
            return problems.Count == 0 ? 0 : CliErrors.Failure;
        });
        return command;
    }

    private static Command AcceptVerb()
    {
        var candidate = new Argument<string>("candidate") { Description = "Candidate needle a failed wait saved (its JSON, PNG or folder)." };
        var into = new Option<string>("--into") { Description = "Needle folder to copy it into (as NAME.png and NAME.json).", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace a needle of the same name." };
        var command = new Command("accept", "Promote a candidate needle (from needles-candidates beside the test results) into a needle folder.");
        command.Arguments.Add(candidate);
        command.Options.Add(into);
        command.Options.Add(force);
        command.SetAction(parseResult =>
        {
            try
            {
                var json = NeedleCandidate.Accept(parseResult.GetValue(candidate)!, parseResult.GetValue(into)!, parseResult.GetValue(force));
                Console.WriteLine($"accepted: {json} and {Path.ChangeExtension(json, ".png")}");
                return 0;
            }
            catch (Exception e) when (e is HilException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                return CliErrors.Report(e);
            }
        });
        return command;
    }
}
