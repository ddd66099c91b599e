using System.Text.RegularExpressions;
using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>Builds the <see cref="WaitSpec"/> for each kind of wait on a locator.</summary>
internal static class LocatorSpecs
{
    public static WaitSpec Visible(string header, LocatorQuery query, VisionContext vision, ResolvedExpect options) => new()
    {
        Header = header,
        SearchPasses = query.UsesNeedle,
        PreferLatest = !query.UsesNeedle,
        Expected = best => $"{query.Expectation()} visible{Threshold(query, options, best)}",
        Evaluate = async (frame, pass, share, ct) =>
        {
            var result = await query.EvaluateAsync(vision, frame, pass, options.Threshold, share, ct).ConfigureAwait(false);
            return new Attempt(result.Found, result.Summary, Seen(result), result.Score ?? 0, result);
        },
    };

    public static WaitSpec Hidden(string header, LocatorQuery query, VisionContext vision, ResolvedExpect options) => new()
    {
        Header = header,
        PreferLatest = true,
        Expected = best => $"{query.Expectation()} not visible{Threshold(query, options, best)}",
        Evaluate = async (frame, _, share, ct) =>
        {
            // Absence is only proven by a whole-frame search.
            var result = await query.EvaluateAsync(vision, frame, SearchScope.WholeFrame, options.Threshold, share, ct).ConfigureAwait(false);
            var seen = result.Found ? $"{query.Expectation()} visible: {result.Summary}" : result.Summary;
            return new Attempt(!result.Found, result.Summary, seen, result.Found ? result.Score ?? 1 : 0, result);
        },
    };

    public static WaitSpec HasText(string header, LocatorQuery query, VisionContext vision, ResolvedExpect options, string? text, Regex? pattern, bool negate) => new()
    {
        Header = header,
        SearchPasses = query.UsesNeedle && !negate,
        PreferLatest = true,
        Expected = _ => (negate ? "not " : string.Empty) + (text is not null ? $"text '{text}'" : $"text matching /{pattern}/"),
        Evaluate = async (frame, pass, share, ct) =>
        {
            var result = await query.EvaluateAsync(vision, frame, pass, options.Threshold, share, ct).ConfigureAwait(false);
            if (!result.Found)
            {
                return new Attempt(negate, result.Summary, $"{query.Expectation()} not visible: {result.Summary}", 0, result);
            }

            var read = await query.ReadTextAsync(vision, frame, result, ct).ConfigureAwait(false);
            var matches = text is not null
                ? string.Equals(TextSearch.Normalise(read), TextSearch.Normalise(text), StringComparison.Ordinal)
                : pattern!.IsMatch(read);
            var quoted = string.IsNullOrWhiteSpace(read) ? "no readable text" : Durations.Quote(read);
            return new Attempt(matches != negate, $"read {quoted}", quoted, 0, result with { Text = read });
        },
    };

    public static string Seen(LocatorResult result) =>
        result.Match is { } match ? $"best score {Durations.Score(match.Score)} at {match.Bounds.X},{match.Bounds.Y}"
        : result.Text is { } read && !result.Found ? (string.IsNullOrWhiteSpace(read) ? "no readable text" : Durations.Quote(read))
        : result.Summary;

    private static string Threshold(LocatorQuery query, ResolvedExpect options, Attempt? best)
    {
        if (!query.UsesNeedle)
        {
            return string.Empty;
        }

        var threshold = options.Threshold ?? best?.Result?.Match?.Threshold ?? best?.Result?.Threshold;
        return threshold is null ? string.Empty : $" (threshold {Durations.Score(threshold.Value)})";
    }
}
