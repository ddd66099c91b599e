using System.CommandLine;
using System.Drawing;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Cli.Commands;

/// <summary>
/// `hil ocr FRAME.png [--region X,Y,W,H] [--engine auto|console|graphical|tesseract] [--mode ...] [--whitelist ...]
/// [--user-word ...] [--user-pattern ...] [--correction FROM=TO] [--lang eng+deu] [--json]`: reads the text of a screenshot.
/// </summary>
internal sealed class OcrCommand : ICommandFactory
{
    public Command Create()
    {
        var frameArgument = new Argument<string>("frame") { Description = "A PNG or JPEG screenshot." };
        var regionOption = new Option<string?>("--region") { Description = "Read only X,Y,W,H (pixels), e.g. 0,0,400,60." };
        var engineOption = new Option<string>("--engine")
        {
            Description = "auto (console reader for text-mode screens, else graphical), console, graphical or tesseract.",
            DefaultValueFactory = _ => "auto",
        };
        var jsonOption = new Option<bool>("--json") { Description = "Print one JSON object: text, engine, confidence, words with boxes." };
        var flags = new OcrReadFlags();
        var command = new Command("ocr", "Read the text of a screenshot (console reader or Tesseract); the result names the engine used.");
        command.Arguments.Add(frameArgument);
        command.Options.Add(regionOption);
        command.Options.Add(engineOption);
        command.Options.Add(jsonOption);
        flags.AddTo(command);
        command.SetAction(parseResult =>
        {
            try
            {
                var engine = ParseEngine(parseResult.GetValue(engineOption));
                var path = parseResult.GetValue(frameArgument)!;
                using var frame = Load(path);
                Rectangle? region = parseResult.GetValue(regionOption) is { } text ? ParseRegion(text) : null;
                using var recognizer = new TextRecognizer();
                var result = recognizer.Read(frame, region, flags.Parse(parseResult, engine));
                Console.Out.Write(parseResult.GetValue(jsonOption) ? ToJson(result) + "\n" : result.Text + "\n");
                return 0;
            }
            catch (Exception e) when (e is HilException or ArgumentException or IOException)
            {
                return CliErrors.Report(e);
            }
        });
        return command;
    }

    internal static OcrEngineKind ParseEngine(string? value) => value?.ToUpperInvariant() switch
    {
        "AUTO" or null => OcrEngineKind.Auto,
        "CONSOLE" => OcrEngineKind.Console,
        "TESSERACT" => OcrEngineKind.Tesseract,
        "GRAPHICAL" => OcrEngineKind.Graphical,
        _ => throw new ArgumentException($"Engine '{value}' is not known. Use --engine auto, console, graphical or tesseract."),
    };

    internal static Rectangle ParseRegion(string value)
    {
        var parts = value.Split(',');
        var numbers = new int[4];
        if (parts.Length != 4 || parts.Where((p, i) => !int.TryParse(p.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out numbers[i])).Any())
        {
            throw new ArgumentException($"Region '{value}' is not X,Y,W,H in pixels. Use e.g. --region 0,0,400,60.");
        }

        return new Rectangle(numbers[0], numbers[1], numbers[2], numbers[3]);
    }

    private static Frame Load(string path)
    {
        try
        {
            return ImageCodec.Load(path);
        }
        catch (ImagingException e) when (!e.Message.Contains("Pass a PNG", StringComparison.Ordinal) && File.Exists(path))
        {
            throw new ImagingException($"{e.Message} Pass a PNG or JPEG screenshot.", e);
        }
    }

    internal static string ToJson(OcrResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("text", result.Text);
            json.WriteString("engine", result.Engine.ToString().ToLowerInvariant());
            json.WriteNumber("confidence", Math.Round(result.Confidence, 4));
            json.WriteStartArray("words");
            foreach (var word in result.Words)
            {
                json.WriteStartObject();
                json.WriteString("text", word.Text);
                json.WriteNumber("x", word.Bounds.X);
                json.WriteNumber("y", word.Bounds.Y);
                json.WriteNumber("width", word.Bounds.Width);
                json.WriteNumber("height", word.Bounds.Height);
                json.WriteNumber("confidence", Math.Round(word.Confidence, 4));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
