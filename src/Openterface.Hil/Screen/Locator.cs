using System.Text.RegularExpressions;
using Openterface.Hil.Imaging;
using Openterface.Hil.Protocol;

namespace Openterface.Hil;

/// <summary>
/// Something on the target's screen: a needle, text, a region, or one inside another. Lazy: nothing is searched
/// until a method runs, and every method waits (up to its timeout) for frames captured after the last input.
/// </summary>
public sealed class Locator
{
    private readonly ScreenService _screen;
    private readonly SessionContext _session;
    private readonly Mouse _mouse;

    internal Locator(ScreenService screen, Mouse mouse, LocatorQuery query)
    {
        _screen = screen;
        _session = screen.Session;
        _mouse = mouse;
        Query = query;
    }

    internal LocatorQuery Query { get; }

    /// <summary>A needle inside this locator's bounds.</summary>
    public Locator Needle(string nameOrTag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrTag);
        return new Locator(_screen, _mouse, new NeedleQuery(nameOrTag, Query));
    }

    /// <summary>Text inside this locator's bounds (case-insensitive phrase, whitespace-insensitive).</summary>
    public Locator Text(string phrase)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phrase);
        return new Locator(_screen, _mouse, new TextQuery(phrase, null, Query));
    }

    public Locator Text(Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new Locator(_screen, _mouse, new TextQuery(null, pattern, Query));
    }

    /// <summary>A rectangle (frame pixels) intersected with this locator's bounds.</summary>
    public Locator Region(int x, int y, int width, int height) =>
        new(_screen, _mouse, new RegionQuery(Hil.Screen.Area(x, y, width, height), Query));

    /// <summary>Waits until the locator is visible and returns where.</summary>
    public Task<LocatorMatch> WaitForAsync(ExpectOptions? options = null, CancellationToken cancellationToken = default)
    {
        var resolved = _screen.Resolve(options, Query);
        return _session.Steps.RunAsync($"Wait for {this}", StepKind.Wait, Parameters(), async step =>
        {
            using var outcome = await WaitVisibleAsync($"{this}.WaitForAsync()", resolved, step, cancellationToken).ConfigureAwait(false);
            var result = outcome.Attempt.Result!;
            return new LocatorMatch(result.Bounds, result.ClickPoint, result.Score, result.Text, outcome.Frame.Sequence)
            {
                Needle = result.Match?.NeedleName,
                Workaround = _screen.Vision.Workaround(result.Match),
            };
        });
    }

    /// <summary>One check on the first frame after the last input (searching the whole frame); no waiting for the locator.</summary>
    public Task<bool> IsVisibleAsync(ExpectOptions? options = null, CancellationToken cancellationToken = default)
    {
        var resolved = _screen.Resolve(options, Query);
        return _session.Steps.RunAsync($"Check {this} is visible", StepKind.Read, Parameters(), async step =>
        {
            using var frame = await _screen.NextFrameAsync($"{this}.IsVisibleAsync()", resolved.Timeout, cancellationToken).ConfigureAwait(false);
            step.EndedOn(frame);
            var result = await Query.EvaluateAsync(_screen.Vision, frame, SearchScope.WholeFrame, resolved.Threshold, 0, cancellationToken).ConfigureAwait(false);
            return result.Found;
        });
    }

    /// <summary>Waits until visible, then reads the text inside (OCR), or the matched text for a text locator.</summary>
    public Task<string> ReadTextAsync(ExpectOptions? options = null, CancellationToken cancellationToken = default)
    {
        var resolved = _screen.Resolve(options, Query);
        return _session.Steps.RunAsync($"Read text of {this}", StepKind.Read, Parameters(), async step =>
        {
            using var outcome = await WaitVisibleAsync($"{this}.ReadTextAsync()", resolved, step, cancellationToken).ConfigureAwait(false);
            return await Query.ReadTextAsync(_screen.Vision, outcome.Frame, outcome.Attempt.Result!, cancellationToken).ConfigureAwait(false);
        });
    }

    /// <summary>Waits until visible, then clicks the needle's click point or the text's centre.</summary>
    public Task ClickAsync(MouseButton button = MouseButton.Left, ExpectOptions? options = null, CancellationToken cancellationToken = default)
    {
        var resolved = _screen.Resolve(options, Query);
        return _session.Steps.RunAsync($"Click {this}", StepKind.Group, Parameters(), async step =>
        {
            var (point, frame) = await _session.Steps.RunAsync($"Wait for {this}", StepKind.Wait, Parameters(), async wait =>
            {
                var outcome = await WaitVisibleAsync($"{this}.ClickAsync()", resolved, wait, cancellationToken).ConfigureAwait(false);
                return (outcome.Attempt.Result!.ClickPoint, outcome.Frame);
            }).ConfigureAwait(false);
            using (frame)
            {
                await _mouse.ClickAtAsync(point, frame, button, cancellationToken).ConfigureAwait(false);
            }
        });
    }

    /// <summary>Waits until visible and returns a copy of the locator's bounds (caller disposes).</summary>
    public Task<Frame> ScreenshotAsync(ExpectOptions? options = null, CancellationToken cancellationToken = default)
    {
        var resolved = _screen.Resolve(options, Query);
        return _session.Steps.RunAsync($"Screenshot {this}", StepKind.Read, Parameters(), async step =>
        {
            using var outcome = await WaitVisibleAsync($"{this}.ScreenshotAsync()", resolved, step, cancellationToken).ConfigureAwait(false);
            return outcome.Frame.Crop(outcome.Attempt.Result!.Bounds);
        });
    }

    public override string ToString() => Query.Describe();

    internal Task<WaitOutcome> WaitVisibleAsync(string header, ResolvedExpect resolved, StepContext step, CancellationToken cancellationToken) =>
        _screen.Frames.WaitAsync(new WaitRun(_screen, LocatorSpecs.Visible(header, Query, _screen.Vision, resolved), resolved), step, cancellationToken);

    private Dictionary<string, string> Parameters() => new() { ["locator"] = ToString() };
}
