using System.Globalization;
using System.Text.Json;

namespace Openterface.Hil.NUnit;

/// <summary>
/// A parsed `hil.json`: { "serial", "video", "target", "power", "console", "needles", "layout", "resultsDirectory",
/// "leaseDirectory", "timeouts": { "expect", "action", "boot", "leaseWait", "leaseDuration" } (seconds or
/// "hh:mm:ss"), "rigs": [ { "name", "serial", "video", "power" } ], "realism": "none" | "ms2109" (the simulator's
/// capture model), "ocr": { "lang": "eng+deu" }, "pool": "postgres://..." (a farm), "rig": { "tags": [ "board=rpi4" ],
/// "ttl": 60 } (what to lease from the farm) }. Comments and trailing commas are allowed.
/// </summary>
internal sealed class HilJsonFile
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public required string Path { get; init; }

    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    public string? Serial { get; init; }

    public string? Video { get; init; }

    public string? Target { get; init; }

    public string? Power { get; init; }

    public string? Console { get; init; }

    public string? Needles { get; init; }

    public string? Layout { get; init; }

    public string? ResultsDirectory { get; init; }

    public string? LeaseDirectory { get; init; }

    public HilTimeouts? Timeouts { get; init; }

    public string? Realism { get; init; }

    public string? OcrLanguage { get; init; }

    public IReadOnlyList<RigSettings>? Rigs { get; init; }

    public string? Pool { get; init; }

    public IReadOnlyList<string>? RigTags { get; init; }

    public TimeSpan? LeaseTtl { get; init; }

    public string Describe() =>
        Target is not null ? $"target '{Target}'"
        : Rigs is { Count: > 0 } ? $"{Rigs.Count} rig(s)"
        : Serial is not null ? $"serial '{Serial}'"
        : "no 'serial', 'target' or 'rigs'";

    public static HilJsonFile Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), Options);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new HilException($"'{path}' must hold a JSON object. See the README for the hil.json format.");
            }

            return new HilJsonFile
            {
                Path = System.IO.Path.GetFullPath(path),
                Serial = Text(root, "serial"),
                Video = Text(root, "video"),
                Target = Text(root, "target"),
                Power = Text(root, "power"),
                Console = Text(root, "console"),
                Needles = Text(root, "needles"),
                Layout = Text(root, "layout"),
                ResultsDirectory = Text(root, "resultsDirectory"),
                LeaseDirectory = Text(root, "leaseDirectory"),
                Timeouts = root.TryGetProperty("timeouts", out var t) ? ReadTimeouts(t, path) : null,
                Rigs = root.TryGetProperty("rigs", out var r) ? ReadRigs(r, path) : null,
                Realism = Text(root, "realism"),
                OcrLanguage = root.TryGetProperty("ocr", out var o) && o.ValueKind == JsonValueKind.Object ? Text(o, "lang") : null,
                Pool = Text(root, "pool"),
                RigTags = root.TryGetProperty("rig", out var rig) ? ReadTags(rig, path) : null,
                LeaseTtl = root.TryGetProperty("rig", out var rigTtl) && rigTtl.ValueKind == JsonValueKind.Object ? Duration(rigTtl, "ttl", path) : null,
            };
        }
        catch (JsonException e)
        {
            throw new HilException($"'{path}' is not valid JSON ({e.Message}). Fix it, or delete it and use HIL_* environment variables.", e);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static HilTimeouts ReadTimeouts(JsonElement element, string path)
    {
        var timeouts = new HilTimeouts();
        return timeouts with
        {
            Expect = Duration(element, "expect", path) ?? timeouts.Expect,
            Action = Duration(element, "action", path) ?? timeouts.Action,
            Boot = Duration(element, "boot", path) ?? timeouts.Boot,
            LeaseWait = Duration(element, "leaseWait", path) ?? timeouts.LeaseWait,
            LeaseDuration = Duration(element, "leaseDuration", path) ?? timeouts.LeaseDuration,
        };
    }

    private static TimeSpan? Duration(JsonElement element, string name, string path)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.GetDouble() >= 0)
        {
            return TimeSpan.FromSeconds(value.GetDouble());
        }

        if (value.ValueKind == JsonValueKind.String && TimeSpan.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var parsed) && parsed >= TimeSpan.Zero)
        {
            return parsed;
        }

        throw new HilException($"'{path}': timeouts.{name} is '{value}'; use seconds (30) or \"hh:mm:ss\".");
    }

    private static List<string>? ReadTags(JsonElement rig, string path)
    {
        if (rig.ValueKind != JsonValueKind.Object)
        {
            throw new HilException($"'{path}': 'rig' must be an object {{ \"tags\": [\"board=rpi4\"], \"ttl\": 60 }}.");
        }

        if (!rig.TryGetProperty("tags", out var tags))
        {
            return null;
        }

        if (tags.ValueKind != JsonValueKind.Array || tags.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
        {
            throw new HilException($"'{path}': rig.tags must be an array of strings such as [\"board=rpi4\", \"usb-switch\"].");
        }

        return [.. tags.EnumerateArray().Select(t => t.GetString()!)];
    }

    private static List<RigSettings> ReadRigs(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new HilException($"'{path}': 'rigs' must be an array of {{ \"name\", \"serial\", \"video\", \"power\" }}.");
        }

        var rigs = new List<RigSettings>();
        foreach (var rig in element.EnumerateArray())
        {
            var serial = Text(rig, "serial")
                ?? throw new HilException($"'{path}': rig #{rigs.Count + 1} has no 'serial'. Give every rig a serial URI.");
            var name = Text(rig, "name") ?? $"rig-{rigs.Count + 1}";
            if (rigs.Any(r => string.Equals(r.Name, name, StringComparison.Ordinal)))
            {
                throw new HilException($"'{path}': rig name '{name}' is used twice. Rig names must be unique.");
            }

            rigs.Add(new RigSettings(name, serial, Text(rig, "video"), Text(rig, "power")));
        }

        return rigs;
    }
}
