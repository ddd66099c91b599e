using System.Drawing;

namespace Openterface.Hil.Imaging;

/// <summary>
/// A reference picture to look for on screen, openQA style: a full screenshot (PNG) plus a JSON file naming tags
/// and areas (match, ocr, exclude). Only the match areas' pixels are kept in memory, prepared once for matching.
/// </summary>
public sealed class Needle
{
    private Needle(string name, NeedleDefinition definition, Size imageSize, IReadOnlyList<AreaTemplate> templates, string? jsonPath)
    {
        Name = name;
        Tags = definition.Tags;
        Areas = definition.Areas;
        Properties = definition.Properties;
        Margin = definition.Margin;
        ColourTolerance = definition.ColourTolerance;
        Consecutive = definition.Consecutive;
        ImageSize = imageSize;
        Templates = templates;
        JsonPath = jsonPath;
    }

    /// <summary>The file name without extension (e.g. "grub-menu" for grub-menu.json).</summary>
    public string Name { get; }

    public IReadOnlyList<string> Tags { get; }

    public IReadOnlyList<NeedleArea> Areas { get; }

    /// <summary>openQA properties by name (e.g. "workaround").</summary>
    public IReadOnlyList<string> Properties { get; }

    /// <summary>Size of the needle's screenshot; areas are in its coordinates.</summary>
    public Size ImageSize { get; }

    /// <summary>Search margin around the recorded position for every area (our "margin" key); null = options.</summary>
    public int? Margin { get; }

    /// <summary>Largest per-channel mean colour difference accepted (our "colour_tolerance" key); null = options.</summary>
    public double? ColourTolerance { get; }

    /// <summary>Consecutive matching frames a wait needs (our "consecutive" key); null = options.</summary>
    public int? Consecutive { get; }

    /// <summary>The JSON file the needle came from; null for needles made in memory.</summary>
    public string? JsonPath { get; }

    internal IReadOnlyList<AreaTemplate> Templates { get; }

    /// <summary>Loads a needle from its JSON file or its PNG (the other file must sit next to it with the same name).</summary>
    public static Needle Load(string jsonOrPngPath)
    {
        var problems = new List<string>();
        var needle = NeedleLoader.TryLoad(jsonOrPngPath, problems);
        if (needle is null)
        {
            throw new ImagingException(string.Join(Environment.NewLine, problems));
        }

        return needle;
    }

    /// <summary>A needle with one match area cut from <paramref name="screenshot"/> (kept in memory, not saved).</summary>
    public static Needle FromFrame(Frame screenshot, Rectangle area, string name, params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(screenshot);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(tags);
        if (!screenshot.Bounds.Contains(area) || area.Width <= 0 || area.Height <= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(area),
                $"Region '{area.X},{area.Y},{area.Width},{area.Height}' is outside the {screenshot.Width}x{screenshot.Height} screenshot. " +
                "Choose a region with positive size inside the screenshot.");
        }

        var areas = new[] { new NeedleArea(area, NeedleAreaType.Match, null, null) };
        var definition = new NeedleDefinition(tags.Length == 0 ? [name] : tags, areas, [], null, null, null);
        return Create(name, definition, screenshot, null);
    }

    internal static Needle Create(string name, NeedleDefinition definition, Frame screenshot, string? jsonPath)
    {
        using var grey = Smoothing.GreySmoothed(screenshot);
        using var colour = screenshot.ToBgr();
        var excludes = definition.Areas.Where(a => a.Type == NeedleAreaType.Exclude).Select(a => a.Bounds).ToList();
        var templates = new List<AreaTemplate>();
        foreach (var area in definition.Areas.Where(a => a.Type == NeedleAreaType.Match))
        {
            var mask = BuildMask(area.Bounds, excludes);
            templates.Add(new AreaTemplate(area, colour.Crop(area.Bounds), grey.Crop(area.Bounds), mask));
        }

        return new Needle(name, definition, screenshot.Size, templates, jsonPath);
    }

    /// <summary>255 where the area counts, 0 where an exclude area covers it; null when nothing is excluded.</summary>
    private static Frame? BuildMask(Rectangle area, List<Rectangle> excludes)
    {
        var overlapping = excludes.Select(e => Rectangle.Intersect(e, area)).Where(r => r.Width > 0 && r.Height > 0).ToList();
        if (overlapping.Count == 0)
        {
            return null;
        }

        var mask = Frame.Allocate(area.Width, area.Height, PixelFormat.Gray8);
        var pixels = mask.WritablePixels;
        pixels.Fill(255);
        foreach (var r in overlapping)
        {
            for (var y = r.Top; y < r.Bottom; y++)
            {
                pixels.Slice(((y - area.Y) * area.Width) + (r.X - area.X), r.Width).Clear();
            }
        }

        return mask;
    }

    public override string ToString() => $"{Name} [{string.Join(", ", Tags)}]";
}
