using System.Drawing;
using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>
/// One link of a locator chain. A child searches inside the bounds its parent found:
/// Region(...).Text(...) reads only the region; Needle(...).Text(...) reads only the matched needle.
/// </summary>
internal abstract class LocatorQuery
{
    protected LocatorQuery(LocatorQuery? parent)
    {
        Parent = parent;
    }

    public LocatorQuery? Parent { get; }

    /// <summary>Whether any link searches for a needle (and so benefits from near/whole search passes).</summary>
    public bool UsesNeedle => this is NeedleQuery || (Parent?.UsesNeedle ?? false);

    /// <summary>Code-like form for messages: Region(0,0,100,20).Text('login:').</summary>
    public string Describe() => Parent is null ? Self() : $"{Parent.Describe()}.{Self()}";

    /// <summary>Prose form: "needle 'grub-menu'", "text 'OK' in region 0,0,100,20".</summary>
    public string Expectation() => Parent is null ? Noun() : $"{Noun()} in {Parent.Noun()}";

    /// <summary>Checks names and options against the session (a typo throws <see cref="ArgumentException"/>) before anything waits.</summary>
    public void Validate(VisionContext vision)
    {
        Parent?.Validate(vision);
        ValidateSelf(vision);
    }

    public async ValueTask<LocatorResult> EvaluateAsync(
        VisionContext vision, Frame frame, SearchScope search, double? threshold, double elapsedShare, CancellationToken cancellationToken)
    {
        var scope = frame.Bounds;
        if (Parent is not null)
        {
            var parent = await Parent.EvaluateAsync(vision, frame, search, threshold, elapsedShare, cancellationToken).ConfigureAwait(false);
            if (!parent.Found)
            {
                return parent with { Summary = $"{Parent.Describe()} not visible: {parent.Summary}" };
            }

            scope = parent.Bounds;
        }

        return await EvaluateInAsync(vision, frame, scope, search, threshold, elapsedShare, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The text inside what the locator found (OCR of its bounds unless the locator is itself text).</summary>
    public virtual async ValueTask<string> ReadTextAsync(VisionContext vision, Frame frame, LocatorResult found, CancellationToken cancellationToken) =>
        found.Bounds.IsEmpty ? string.Empty : (await vision.Vision.ReadAsync(frame, found.Bounds, cancellationToken).ConfigureAwait(false)).Text;

    protected abstract string Self();

    protected abstract string Noun();

    /// <summary>The largest "consecutive" any needle in the chain asks for in its JSON; null when none does.</summary>
    public int? NeedleConsecutive(VisionContext vision)
    {
        var mine = SelfConsecutive(vision);
        var parent = Parent?.NeedleConsecutive(vision);
        return mine is null ? parent : parent is null ? mine : Math.Max(mine.Value, parent.Value);
    }

    protected virtual void ValidateSelf(VisionContext vision)
    {
    }

    protected virtual int? SelfConsecutive(VisionContext vision) => null;

    protected abstract ValueTask<LocatorResult> EvaluateInAsync(
        VisionContext vision, Frame frame, Rectangle scope, SearchScope search, double? threshold, double elapsedShare, CancellationToken cancellationToken);

    protected static string At(Rectangle r) => $"{r.X},{r.Y}";
}
