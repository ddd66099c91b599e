using System.Drawing;
using System.Text.RegularExpressions;
using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>Text on screen, found by OCR: a case-insensitive phrase (whitespace-insensitive) or a regular expression.</summary>
internal sealed class TextQuery : LocatorQuery
{
    public TextQuery(string? phrase, Regex? pattern, LocatorQuery? parent)
        : base(parent)
    {
        Phrase = phrase;
        Pattern = pattern;
    }

    public string? Phrase { get; }

    public Regex? Pattern { get; }

    public string Shown => Phrase is not null ? $"'{Phrase}'" : $"/{Pattern}/";

    protected override string Self() => $"Text({Shown})";

    protected override string Noun() => Phrase is not null ? $"text '{Phrase}'" : $"text matching /{Pattern}/";

    public override ValueTask<string> ReadTextAsync(VisionContext vision, Frame frame, LocatorResult found, CancellationToken cancellationToken) =>
        ValueTask.FromResult(found.Text ?? string.Empty);

    protected override async ValueTask<LocatorResult> EvaluateInAsync(
        VisionContext vision, Frame frame, Rectangle scope, SearchScope search, double? threshold, double elapsedShare, CancellationToken cancellationToken)
    {
        var reading = await vision.Vision.ReadAsync(frame, scope == frame.Bounds ? null : scope, cancellationToken).ConfigureAwait(false);
        var hit = TextSearch.Find(reading, Phrase, Pattern);
        if (hit is null)
        {
            var seen = string.IsNullOrWhiteSpace(reading.Text) ? "read nothing" : $"read {Durations.Quote(reading.Text)}";
            return LocatorResult.Missing(seen) with { Text = reading.Text };
        }

        var bounds = hit.Value.Bounds.IsEmpty ? scope : hit.Value.Bounds;
        return new LocatorResult(
            true,
            bounds,
            LocatorResult.Centre(bounds),
            $"found {Durations.Quote(hit.Value.Text)} at {At(bounds)}",
            Text: hit.Value.Text);
    }
}
