using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>
/// openQA's send_key_until_needlematch done right: look once; then press, wait for frames captured after the press
/// (and for the screen to react), look again; repeat. The failure lists every attempt.
/// </summary>
internal sealed class PressUntil
{
    private readonly ScreenService _screen;
    private readonly SessionContext _session;
    private readonly Keyboard _keyboard;
    private readonly string _key;
    private readonly Locator _locator;
    private readonly int _maxPresses;
    private readonly PressUntilOptions? _options;

    public PressUntil(ScreenService screen, Keyboard keyboard, string key, Locator locator, int maxPresses, PressUntilOptions? options)
    {
        _screen = screen;
        _session = screen.Session;
        _keyboard = keyboard;
        _key = key;
        _locator = locator;
        _maxPresses = maxPresses;
        _options = options;
    }

    public Task<LocatorMatch> RunAsync(CancellationToken cancellationToken) =>
        _session.Steps.RunAsync($"Press '{_key}' until {_locator} is visible", StepKind.Group, new Dictionary<string, string>
        {
            ["key"] = _key,
            ["locator"] = _locator.ToString(),
            ["max presses"] = _maxPresses.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, async step =>
        {
            var header = $"Keyboard.PressUntilAsync('{_key}', {_locator})";
            var perPress = _session.Timeout(_options?.WaitAfterPress, t => t.PressUntilStep);
            var resolved = _screen.Resolve(_options?.Expect, _locator.Query) with { Timeout = perPress };
            var log = new List<string>();
            using (var first = await _screen.NextFrameAsync(header, perPress, cancellationToken).ConfigureAwait(false))
            {
                var before = await _locator.Query.EvaluateAsync(
                    _screen.Vision, first, SearchScope.WholeFrame, resolved.Threshold, 0, cancellationToken).ConfigureAwait(false);
                log.Add($"before pressing: frame #{first.Sequence}: {before.Summary}");
                if (before.Found)
                {
                    step.EndedOn(first);
                    return new LocatorMatch(before.Bounds, before.ClickPoint, before.Score, before.Text, first.Sequence);
                }
            }

            string? seen = null;
            for (var press = 1; press <= _maxPresses; press++)
            {
                await _keyboard.PressAsync(_key, cancellationToken).ConfigureAwait(false);
                var spec = LocatorSpecs.Visible(header, _locator.Query, _screen.Vision, resolved);
                spec = new WaitSpec
                {
                    Header = spec.Header,
                    Expected = spec.Expected,
                    Evaluate = spec.Evaluate,
                    SearchPasses = spec.SearchPasses,
                    PreferLatest = spec.PreferLatest,
                    Quiet = true,
                };
                try
                {
                    using var attempt = new StepContext();
                    using var outcome = await _screen.Frames.WaitAsync(new WaitRun(_screen, spec, resolved), attempt, cancellationToken).ConfigureAwait(false);
                    step.EndedOn(outcome.Frame);
                    var result = outcome.Attempt.Result!;
                    return new LocatorMatch(result.Bounds, result.ClickPoint, result.Score, result.Text, outcome.Frame.Sequence);
                }
                catch (ExpectationFailedException e)
                {
                    seen = e.Seen;
                    log.AddRange(e.CallLog.Skip(1).Select(line => $"press {press} of {_maxPresses}: {line}"));
                }
            }

            var threshold = _locator.Query.UsesNeedle && resolved.Threshold is { } t ? $" (threshold {Durations.Score(t)})" : string.Empty;
            var text = _session.Redact(FailureText.Build(
                header,
                $"{_locator.Query.Expectation()} visible within {_maxPresses} presses of '{_key}'{threshold}",
                seen ?? "nothing",
                null,
                $"{Durations.Format(perPress)} per press",
                log));
            OperatorLog.WaitFailed(_session.Logger, text);
            throw new ExpectationFailedException(text, log) { Timeout = perPress };
        });
}
