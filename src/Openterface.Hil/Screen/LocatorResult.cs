using System.Drawing;
using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>What evaluating a locator on one frame found.</summary>
internal sealed record LocatorResult(
    bool Found,
    Rectangle Bounds,
    Point ClickPoint,
    string Summary,
    double? Score = null,
    double? Threshold = null,
    string? Text = null,
    MatchResult? Match = null)
{
    public static LocatorResult Missing(string summary, MatchResult? match = null) =>
        new(false, Rectangle.Empty, Point.Empty, summary, match?.Score, match?.Threshold, null, match);

    public static Point Centre(Rectangle r) => new(r.X + (r.Width / 2), r.Y + (r.Height / 2));
}

/// <summary>What a locator evaluates with: the vision seam, the session's needles, and how far the wait has got (0..1).</summary>
internal sealed record VisionContext(IVision Vision, NeedleSet? Needles)
{
    /// <summary>The needle with this name (or the one needle with this tag); a typo is an <see cref="ArgumentException"/> naming close names.</summary>
    public Needle Needle(string nameOrTag)
    {
        if (Needles is null)
        {
            throw new ArgumentException(
                $"Needle '{nameOrTag}' asked for, but no needle folder is configured. Set HilOptions.Needles (or HIL_NEEDLES) to a folder of openQA-style needles.",
                nameof(nameOrTag));
        }

        try
        {
            return Needles.Get(nameOrTag);
        }
        catch (ImagingException e)
        {
            throw new ArgumentException(e.Message, nameof(nameOrTag), e);
        }
    }

    /// <summary>Every needle carrying one of <paramref name="tags"/>; a tag no needle has is an <see cref="ArgumentException"/>.</summary>
    public IReadOnlyList<Needle> Tagged(IReadOnlyList<string> tags)
    {
        var needles = new List<Needle>();
        foreach (var tag in tags)
        {
            var tagged = Needles?.WithTag(tag) ?? [];
            if (tagged.Count == 0)
            {
                // Needle() explains a missing folder or names close tags.
                Needle(tag);
                throw new ArgumentException(
                    $"'{tag}' is a needle name, not a tag: use Screen.Needle('{tag}'), or add \"{tag}\" to the needles' \"tags\".", nameof(tags));
            }

            needles.AddRange(tagged.Where(n => !needles.Contains(n)));
        }

        return needles;
    }

    /// <summary>The openQA "workaround" property of the matched needle: the match is a known issue, not a pass.</summary>
    public string? Workaround(MatchResult? match) =>
        match is { Found: true } && Needles is not null && Needles.TryGet(match.NeedleName, out var needle)
            && needle!.Properties.Contains("workaround", StringComparer.Ordinal)
            ? $"Needle '{match.NeedleName}' matched; it carries the 'workaround' property (a known issue)."
            : null;
}
