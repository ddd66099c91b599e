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

    public LocatorResult Evaluate(VisionContext vision, Frame frame, NeedleSearch search, double? threshold)
    {
        var scope = frame.Bounds;
        if (Parent is not null)
        {
            var parent = Parent.Evaluate(vision, frame, search, threshold);
            if (!parent.Found)
            {
                return parent with { Summary = $"{Parent.Describe()} not visible: {parent.Summary}" };
            }

            scope = parent.Bounds;
        }

        return EvaluateIn(vision, frame, scope, search, threshold);
    }

    /// <summary>The text inside what the locator found (OCR of its bounds unless the locator is itself text).</summary>
    public virtual string ReadText(VisionContext vision, Frame frame, LocatorResult found) =>
        found.Bounds.IsEmpty ? string.Empty : vision.Text.Read(frame, found.Bounds).Text;

    protected abstract string Self();

    protected abstract string Noun();

    protected abstract LocatorResult EvaluateIn(VisionContext vision, Frame frame, Rectangle scope, NeedleSearch search, double? threshold);

    protected static string At(Rectangle r) => $"{r.X},{r.Y}";
}
