using System.Drawing;

namespace Openterface.Hil.Imaging;

/// <summary>
/// A reference picture to look for on screen, openQA style: a full screenshot (PNG) plus a JSON file naming tags
/// and areas (match, ocr, exclude). Only the match areas' pixels are kept in memory, prepared once for matching.
/// </summary>
public sealed class Needle
{
    private Needle(string name, NeedleDefinition definition, Size imageSize, IReadOnlyList<AreaTemplate> templates, string? jsonPath, NeedleKind kind)
    {
        Name = name;
        Kind = kind;
        Notes = definition.Notes;
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

    /// <summary>openQA needle (JSON + screenshot) or bare PNG template (stb-tester semantics).</summary>
    public NeedleKind Kind { get; }

    /// <summary>Keys read but not used for the decision (e.g. openQA's "max_offset"), one sentence each.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>True when the needle carries openQA's "workaround" property (a known issue, ranked first among equals).</summary>
    public bool IsWorkaround => Properties.Contains("workaround", StringComparer.Ordinal);

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

    /// <summary>
    /// Loads a needle: an openQA JSON (its PNG next to it), a PNG with a JSON next to it (openQA), or a bare PNG
    /// without JSON (stb-tester template: the whole image is the match area; alpha is a mask).
    /// </summary>
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

    /// <summary>
    /// A bare template (stb-tester style) from a cut-out: the whole image is the match area, searched over the
    /// whole frame. <paramref name="mask"/> (same size, 8-bit) marks the pixels that count with 255; null = all.
    /// </summary>
    public static Needle FromTemplate(Frame cutout, string name, Frame? mask = null)
    {
        ArgumentNullException.ThrowIfNull(cutout);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (mask is not null && (mask.Size != cutout.Size || mask.Format != PixelFormat.Gray8))
        {
            throw new ArgumentException(
                $"Mask of template '{name}' is {mask.Width}x{mask.Height} {mask.Format}; a Gray8 mask of the template's size {cutout.Width}x{cutout.Height} is expected.",
                nameof(mask));
        }

        var area = new NeedleArea(cutout.Bounds, NeedleAreaType.Match, null, null);
        var definition = new NeedleDefinition([name], [area], [], null, null, null);
        var template = new AreaTemplate(area, cutout.ToBgr(), mask is null ? null : mask.Crop(mask.Bounds), null);
        if (template.OpaquePixels == 0)
        {
            throw new ImagingException($"Template '{name}' has no fully opaque pixel. Make the part to look for opaque (alpha 255).");
        }

        return new Needle(name, definition, cutout.Size, [template], null, NeedleKind.Template);
    }

    internal static Needle Create(string name, NeedleDefinition definition, Frame screenshot, string? jsonPath)
    {
        using var colour = screenshot.ToBgr();
        using var prepared = OpenQaPreparation.PrepareNeedle(colour, definition.Areas);
        var templates = new List<AreaTemplate>();
        foreach (var area in definition.Areas.Where(a => a.Type == NeedleAreaType.Match))
        {
            templates.Add(new AreaTemplate(area, colour.Crop(area.Bounds), null, prepared.Crop(area.Bounds)));
        }

        return new Needle(name, definition, screenshot.Size, templates, jsonPath, NeedleKind.OpenQa);
    }

    public override string ToString() => $"{Name} [{string.Join(", ", Tags)}]";
}
