using System.Drawing;
using System.Globalization;
using System.Text.Json;

namespace Openterface.Hil.Imaging;

/// <summary>
/// Reads openQA's needle JSON as it is (<c>tags</c>, <c>area</c> with xpos/ypos/width/height/type/match/click_point/margin,
/// <c>properties</c>) plus our optional keys <c>margin</c>, <c>colour_tolerance</c> and <c>consecutive</c>.
/// Every problem is collected with the file name and the offending value so `hil needle check` can list them all.
/// </summary>
internal static class NeedleJson
{
    /// <summary>Area keys os-autoinst's needle.pm reads and keeps but its matcher never uses.</summary>
    private static readonly string[] UnusedAreaKeys = ["max_offset", "processing_flags"];

    internal static NeedleDefinition? Parse(string path, string json, List<string> problems)
    {
        var file = Path.GetFileName(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            problems.Add($"Needle '{file}' is not valid JSON at line {line}, position {position}: {FirstSentence(e.Message)} Fix the JSON syntax.");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"Needle '{file}' must hold a JSON object with 'tags' and 'area', not a {root.ValueKind}.");
                return null;
            }

            var tags = ReadStrings(root, "tags", file, problems);
            if (tags.Count == 0)
            {
                problems.Add($"Needle '{file}' has no 'tags'. Add at least one tag, e.g. \"tags\": [\"grub-menu\"].");
            }

            var numbers = new List<int>();
            var notes = new List<string>();
            var areas = ReadAreas(root, file, problems, numbers, notes);
            var properties = ReadProperties(root, file, problems);
            var margin = ReadOptionalInt(root, "margin", file, problems, 0, 10000);
            var tolerance = ReadOptionalDouble(root, "colour_tolerance", file, problems, 0, 255);
            var consecutive = ReadOptionalInt(root, "consecutive", file, problems, 1, 100);
            if (tolerance is not null)
            {
                notes.Add($"Needle '{file}': 'colour_tolerance' is ignored: openQA needles are decided on grey as openQA does, and bare PNG templates compare colour directly.");
            }

            return new NeedleDefinition(tags, areas, properties, margin, tolerance, consecutive) { AreaNumbers = numbers, Notes = notes };
        }
    }

    private static List<NeedleArea> ReadAreas(JsonElement root, string file, List<string> problems, List<int> numbers, List<string> notes)
    {
        var areas = new List<NeedleArea>();
        if (!root.TryGetProperty("area", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"Needle '{file}' has no 'area' list. Add \"area\": [{{\"xpos\": 0, \"ypos\": 0, \"width\": 10, \"height\": 10, \"type\": \"match\"}}].");
            return areas;
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            index++;
            var where = $"Needle '{file}' area {index}";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{where} is a {item.ValueKind}, not an object with xpos/ypos/width/height/type.");
                continue;
            }

            var x = ReadRequiredInt(item, "xpos", where, problems);
            var y = ReadRequiredInt(item, "ypos", where, problems);
            var width = ReadRequiredInt(item, "width", where, problems);
            var height = ReadRequiredInt(item, "height", where, problems);
            if (width is <= 0 || height is <= 0)
            {
                problems.Add($"{where} has size '{width}x{height}'; width and height must be positive.");
            }

            var type = ReadType(item, where, problems);
            var match = ReadOptionalDouble(item, "match", where, problems, 0, 100);
            var margin = ReadOptionalInt(item, "margin", where, problems, 0, 10000);
            var click = ReadClickPoint(item, where, width ?? 0, height ?? 0, problems);
            foreach (var key in UnusedAreaKeys)
            {
                if (item.TryGetProperty(key, out var unused))
                {
                    notes.Add($"{where}: '{key}' = '{unused.GetRawText()}' is not used for matching (openQA reads it but its matcher ignores it too).");
                }
            }

            if (x is null || y is null || width is null || height is null || type is null)
            {
                continue;
            }

            numbers.Add(index);
            areas.Add(new NeedleArea(new Rectangle(x.Value, y.Value, width.Value, height.Value), type.Value, match, click) { Margin = margin });
        }

        if (index > 0 && areas.Count > 0 && !areas.Exists(a => a.Type == NeedleAreaType.Match))
        {
            problems.Add($"Needle '{file}' has no area of type 'match'. Add one: a needle must show something to look for.");
        }
        else if (index == 0)
        {
            problems.Add($"Needle '{file}' has an empty 'area' list. Add at least one 'match' area.");
        }

        return areas;
    }

    private static NeedleAreaType? ReadType(JsonElement item, string where, List<string> problems)
    {
        if (!item.TryGetProperty("type", out var value))
        {
            return NeedleAreaType.Match; // openQA's default
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        switch (text)
        {
            case "match":
                return NeedleAreaType.Match;
            case "ocr":
                return NeedleAreaType.Ocr;
            case "exclude":
                return NeedleAreaType.Exclude;
            default:
                problems.Add($"{where} has unknown type '{text}'. Use 'match', 'ocr' or 'exclude'.");
                return null;
        }
    }

    private static Point? ReadClickPoint(JsonElement item, string where, int width, int height, List<string> problems)
    {
        if (!item.TryGetProperty("click_point", out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() == "center")
        {
            return new Point(width / 2, height / 2);
        }

        var x = value.ValueKind == JsonValueKind.Object ? ReadRequiredInt(value, "xpos", where + " click_point", problems) : null;
        var y = value.ValueKind == JsonValueKind.Object ? ReadRequiredInt(value, "ypos", where + " click_point", problems) : null;
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{where} has click_point '{value.GetRawText()}'; use {{\"xpos\": X, \"ypos\": Y}} or \"center\".");
        }

        return x is null || y is null ? null : new Point(x.Value, y.Value);
    }

    private static List<string> ReadStrings(JsonElement root, string name, string file, List<string> problems)
    {
        var values = new List<string>();
        if (!root.TryGetProperty(name, out var list))
        {
            return values;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"Needle '{file}' has '{name}' = '{list.GetRawText()}'; a list of strings is expected.");
            return values;
        }

        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
            {
                values.Add(item.GetString()!);
            }
            else
            {
                problems.Add($"Needle '{file}' has a bad entry '{item.GetRawText()}' in '{name}'; non-empty strings are expected.");
            }
        }

        return values;
    }

    private static List<string> ReadProperties(JsonElement root, string file, List<string> problems)
    {
        var values = new List<string>();
        if (!root.TryGetProperty("properties", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return values;
        }

        foreach (var item in list.EnumerateArray())
        {
            // openQA writes either "workaround" or {"name": "workaround", "value": "bsc#123"}.
            if (item.ValueKind == JsonValueKind.String)
            {
                values.Add(item.GetString()!);
            }
            else if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                values.Add(name.GetString()!);
            }
            else
            {
                problems.Add($"Needle '{file}' has a bad property '{item.GetRawText()}'; use a string or {{\"name\": ..., \"value\": ...}}.");
            }
        }

        return values;
    }

    private static int? ReadRequiredInt(JsonElement item, string name, string where, List<string> problems)
    {
        if (!item.TryGetProperty(name, out var value))
        {
            problems.Add($"{where} has no '{name}'. Add it (an integer in pixels).");
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number == Math.Floor(number) && Math.Abs(number) < 100_000)
        {
            return (int)number;
        }

        problems.Add($"{where} has {name} '{value.GetRawText()}'; an integer in pixels is expected.");
        return null;
    }

    private static int? ReadOptionalInt(JsonElement item, string name, string where, List<string> problems, int min, int max)
    {
        var number = ReadOptionalDouble(item, name, where, problems, min, max);
        if (number is { } n && n != Math.Floor(n))
        {
            problems.Add($"{where} has {name} '{n.ToString(CultureInfo.InvariantCulture)}'; an integer is expected.");
            return null;
        }

        return number is null ? null : (int)number.Value;
    }

    private static double? ReadOptionalDouble(JsonElement item, string name, string where, List<string> problems, double min, double max)
    {
        if (!item.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number >= min && number <= max)
        {
            return number;
        }

        // openQA writes "match" as a number; accept a numeric string too, as older needles do.
        if (value.ValueKind == JsonValueKind.String &&
            double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
        {
            return parsed;
        }

        problems.Add($"{where} has {name} '{value.GetRawText()}'; a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)} is expected.");
        return null;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
