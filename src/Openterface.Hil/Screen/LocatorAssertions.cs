using System.Text.RegularExpressions;

namespace Openterface.Hil;

/// <summary>Expect(locator): web-first assertions that wait (up to the timeout) for the screen to comply.</summary>
public sealed class LocatorAssertions
{
    private readonly ScreenService _screen;
    private readonly SessionContext _session;
    private readonly Locator _locator;
    private readonly bool _negate;

    internal LocatorAssertions(ScreenService screen, Locator locator, bool negate)
    {
        _screen = screen;
        _session = screen.Session;
        _locator = locator;
        _negate = negate;
    }

    /// <summary>The opposite assertion: waits until the condition is false.</summary>
    public LocatorAssertions Not => new(_screen, _locator, !_negate);

    public Task ToBeVisibleAsync(ExpectOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync("ToBeVisibleAsync()", _negate ? "not visible" : "visible", options, resolved => _negate
            ? LocatorSpecs.Hidden(Header("ToBeVisibleAsync()"), _locator.Query, _screen.Vision, resolved)
            : LocatorSpecs.Visible(Header("ToBeVisibleAsync()"), _locator.Query, _screen.Vision, resolved), cancellationToken);

    /// <summary>The locator's text (OCR of its bounds) equals <paramref name="expected"/>, whitespace-normalised.</summary>
    public Task ToHaveTextAsync(string expected, ExpectOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var call = $"ToHaveTextAsync('{expected}')";
        return RunAsync(call, $"{(_negate ? "not " : string.Empty)}text '{expected}'", options, resolved =>
            LocatorSpecs.HasText(Header(call), _locator.Query, _screen.Vision, resolved, expected, null, _negate), cancellationToken);
    }

    public Task ToHaveTextAsync(Regex expected, ExpectOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var call = $"ToHaveTextAsync(/{expected}/)";
        return RunAsync(call, $"{(_negate ? "not " : string.Empty)}text matching /{expected}/", options, resolved =>
            LocatorSpecs.HasText(Header(call), _locator.Query, _screen.Vision, resolved, null, expected, _negate), cancellationToken);
    }

    private string Header(string call) => $"Expect({_locator}).{(_negate ? "Not." : string.Empty)}{call}";

    private Task RunAsync(string call, string what, ExpectOptions? options, Func<ResolvedExpect, WaitSpec> build, CancellationToken cancellationToken)
    {
        var resolved = _screen.Resolve(options, _locator.Query);
        return _session.Steps.RunAsync($"Expect {_locator} {what}", StepKind.Wait, new Dictionary<string, string>
        {
            ["locator"] = _locator.ToString(),
            ["assertion"] = $"{(_negate ? "Not." : string.Empty)}{call}",
        }, async step =>
        {
            using var outcome = await _screen.Frames.WaitAsync(new WaitRun(_screen, build(resolved), resolved), step, cancellationToken).ConfigureAwait(false);
        });
    }
}
