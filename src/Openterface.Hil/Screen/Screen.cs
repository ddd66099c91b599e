using System.Drawing;
using System.Text.RegularExpressions;
using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>The target's screen as the capture card sees it: where locators start, plus screenshots and change waits.</summary>
public sealed class Screen
{
    private readonly ScreenService _screen;
    private readonly SessionContext _session;
    private readonly Mouse _mouse;

    internal Screen(ScreenService screen, Mouse mouse)
    {
        _screen = screen;
        _session = screen.Session;
        _mouse = mouse;
    }

    /// <summary>A needle by name or tag, from the session's needle folder.</summary>
    public Locator Needle(string nameOrTag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrTag);
        var query = new NeedleQuery(nameOrTag, null);
        query.Validate(_screen.Vision);
        return new Locator(_screen, _mouse, query);
    }

    /// <summary>Any needle tagged <paramref name="tag"/>: every variant is matched and the best one wins (see <see cref="LocatorMatch.Needle"/>).</summary>
    public Locator Tag(string tag) => AnyTag(tag);

    /// <summary>Any needle carrying one of <paramref name="tags"/> (e.g. a GRUB menu or a login prompt, whichever shows first).</summary>
    public Locator AnyTag(params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (tags.Length == 0 || tags.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Give at least one tag, none empty: Screen.AnyTag(\"grub\", \"login\").", nameof(tags));
        }

        var query = NeedleQuery.Tagged([.. tags.Distinct(StringComparer.Ordinal)], null);
        query.Validate(_screen.Vision);
        return new Locator(_screen, _mouse, query);
    }

    /// <summary>Text found by OCR anywhere on screen (case-insensitive phrase, whitespace-insensitive).</summary>
    public Locator Text(string phrase)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phrase);
        return new Locator(_screen, _mouse, new TextQuery(phrase, null, null));
    }

    public Locator Text(Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new Locator(_screen, _mouse, new TextQuery(null, pattern, null));
    }

    /// <summary>A rectangle in frame pixels (the coordinates of screenshots and locator bounds).</summary>
    public Locator Region(int x, int y, int width, int height) => new(_screen, _mouse, new RegionQuery(Area(x, y, width, height), null));

    /// <summary>The first frame captured after the last input (caller disposes).</summary>
    public Task<Frame> ScreenshotAsync(CancellationToken cancellationToken = default) =>
        _session.Steps.RunAsync("Screenshot", StepKind.Read, new Dictionary<string, string>(), async step =>
        {
            var frame = await _screen.NextFrameAsync("Screen.ScreenshotAsync()", _screen.Resolve(null).Timeout, cancellationToken)
                .ConfigureAwait(false);
            step.EndedOn(frame);
            return frame;
        });

    /// <summary>Saves the first frame captured after the last input (PNG or JPEG by extension).</summary>
    public async Task ScreenshotAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var frame = await ScreenshotAsync(cancellationToken).ConfigureAwait(false);
        frame.Save(path);
    }

    /// <summary>
    /// Waits until the screen differs from the pre-input screen (if the last input has not visibly landed yet) or
    /// from the screen now.
    /// </summary>
    public Task<ScreenChange> WaitChangeAsync(ExpectOptions? options = null, CancellationToken cancellationToken = default)
    {
        var resolved = _screen.Resolve(options);
        return _session.Steps.RunAsync("Wait for the screen to change", StepKind.Wait, new Dictionary<string, string>(), step =>
            new StillWaiter(_screen).WaitChangeAsync(resolved, step, cancellationToken));
    }

    internal static Rectangle Area(int x, int y, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        return new Rectangle(x, y, width, height);
    }
}

/// <summary>A change seen by <see cref="Screen.WaitChangeAsync"/>: how much changed, where, on which frame.</summary>
public sealed record ScreenChange(double ChangedFraction, Rectangle ChangedBounds, long FrameSequence);
