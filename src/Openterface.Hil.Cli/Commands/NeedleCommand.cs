using System.CommandLine;
using System.Drawing;
using System.Globalization;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Cli.Commands;

/// <summary>`hil needle create|check`: make openQA-style needles from a screenshot, and validate a needle folder.</summary>
internal sealed class NeedleCommand : ICommandFactory
{
    public Command Create()
    {
        var command = new Command("needle", "Create needles (PNG + JSON, openQA format) and check needle folders.");
        command.Subcommands.Add(CreateVerb());
        command.Subcommands.Add(CheckVerb());
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

    private static Command CreateVerb()
    {
        var frameArgument = new Argument<string>("frame") { Description = "Screenshot to cut the needle from (PNG or JPEG)." };
        var region = new Option<string>("--region") { Description = "Match area X,Y,W,H in pixels.", Required = true };
        var tags = new Option<string[]>("--tag") { Description = "Tag (repeat for more); the first names the files unless --name is given.", Required = true };
        var name = new Option<string?>("--name") { Description = "File name (without extension); default: the first tag." };
        var output = new Option<string>("--output", "-o") { Description = "Needle folder.", Required = true };
        var command = new Command("create", "Write NAME.png (the screenshot) and NAME.json (tags, one match area).");
        command.Arguments.Add(frameArgument);
        foreach (var option in new Option[] { region, tags, name, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult =>
        {
            try
            {
                var area = ParseRegion(parseResult.GetValue(region)!);
                var tagList = parseResult.GetValue(tags)!;
                var fileName = parseResult.GetValue(name) ?? tagList[0];
                using var frame = ImageCodec.Load(parseResult.GetValue(frameArgument)!);
                var (png, json) = NeedleWriter.Write(frame, [new NeedleArea(area, NeedleAreaType.Match, null, null)], tagList, fileName, parseResult.GetValue(output)!);
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
}
