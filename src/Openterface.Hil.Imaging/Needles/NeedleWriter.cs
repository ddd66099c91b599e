using System.Drawing;
using System.Text.Json;

namespace Openterface.Hil.Imaging;

/// <summary>Writes a needle as openQA does: NAME.png (the whole screenshot) and NAME.json (tags and areas).</summary>
internal static class NeedleWriter
{
    internal static (string Png, string Json) Write(
        Frame screenshot, IReadOnlyList<NeedleArea> areas, IReadOnlyList<string> tags, string name, string directory, NeedleExtras? extras = null)
    {
        ArgumentNullException.ThrowIfNull(screenshot);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Needle name '{name}' cannot be used as a file name. Use letters, digits, '-' and '_'.", nameof(name));
        }

        foreach (var area in areas)
        {
            if (!screenshot.Bounds.Contains(area.Bounds) || area.Bounds.Width <= 0 || area.Bounds.Height <= 0)
            {
                var b = area.Bounds;
                throw new ArgumentOutOfRangeException(
                    nameof(areas),
                    $"Region '{b.X},{b.Y},{b.Width},{b.Height}' is outside the {screenshot.Width}x{screenshot.Height} screenshot " +
                    $"'{screenshot.Source}'. Choose a region with positive size inside the screenshot.");
            }
        }

        System.IO.Directory.CreateDirectory(directory);
        var png = Path.Combine(directory, name + ".png");
        var json = Path.Combine(directory, name + ".json");
        screenshot.Save(png);
        File.WriteAllText(json, ToJson(areas, tags, extras) + "\n");
        return (png, json);
    }

    internal static string ToJson(IReadOnlyList<NeedleArea> areas, IReadOnlyList<string> tags, NeedleExtras? extras = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("area");
            foreach (var area in areas)
            {
                WriteArea(writer, area);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("properties");
            foreach (var property in extras?.Properties ?? [])
            {
                writer.WriteStringValue(property);
            }

            writer.WriteEndArray();
            if (extras?.Margin is { } margin)
            {
                writer.WriteNumber("margin", margin);
            }

            if (extras?.Consecutive is { } consecutive)
            {
                writer.WriteNumber("consecutive", consecutive);
            }

            writer.WriteStartArray("tags");
            foreach (var tag in tags)
            {
                writer.WriteStringValue(tag);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteArea(Utf8JsonWriter writer, NeedleArea area)
    {
        writer.WriteStartObject();
        writer.WriteNumber("xpos", area.Bounds.X);
        writer.WriteNumber("ypos", area.Bounds.Y);
        writer.WriteNumber("width", area.Bounds.Width);
        writer.WriteNumber("height", area.Bounds.Height);
        writer.WriteString("type", area.Type.ToString().ToLowerInvariant());
        if (area.MatchPercent is { } match)
        {
            writer.WriteNumber("match", match);
        }

        if (area.Margin is { } margin)
        {
            writer.WriteNumber("margin", margin);
        }

        if (area.ClickPoint is Point click)
        {
            writer.WriteStartObject("click_point");
            writer.WriteNumber("xpos", click.X);
            writer.WriteNumber("ypos", click.Y);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}

/// <summary>Needle-wide keys a written needle keeps from the one it was made from: properties, margin, consecutive.</summary>
internal sealed record NeedleExtras(IReadOnlyList<string> Properties, int? Margin, int? Consecutive);
