using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>Turns a failed wait's frames into attachments: last frame, match overlay, needle, diff (PNG), call log.</summary>
internal sealed class Evidence
{
    private readonly SessionCore _core;

    public Evidence(SessionCore core)
    {
        _core = core;
    }

    public IReadOnlyList<StepAttachment> Collect(Frame? last, Frame? best, MatchResult? match, IReadOnlyList<string> callLog)
    {
        var attachments = new List<StepAttachment>();
        Add(attachments, "last frame", last, dispose: false);
        if (match is not null && best is not null)
        {
            var needle = _core.Vision.Needles is { } set && set.TryGet(match.NeedleName, out var found) ? found : null;
            Add(attachments, "match overlay", TryDraw(() => MatchOverlay.Draw(best, match)), dispose: true);
            Add(attachments, "needle", needle is null ? null : TryDraw(() => needle.Templates[^1].Colour.Share()), dispose: true);
            Add(attachments, "diff", needle is null ? null : TryDraw(() => MatchOverlay.Diff(best, needle, match)), dispose: true);
        }

        attachments.Add(new StepAttachment(
            "call log",
            "text/plain",
            "txt",
            System.Text.Encoding.UTF8.GetBytes(_core.Redact(string.Join('\n', callLog)))));
        return attachments;
    }

    private Frame? TryDraw(Func<Frame> draw)
    {
        try
        {
            return draw();
        }
        catch (Exception e) when (e is HilException or ArgumentException)
        {
            OperatorLog.WaitProgress(_core.Logger, "evidence", $"could not draw the match: {e.Message}");
            return null;
        }
    }

    private void Add(List<StepAttachment> attachments, string name, Frame? frame, bool dispose)
    {
        if (frame is null)
        {
            return;
        }

        try
        {
            attachments.Add(new StepAttachment(name, "image/png", "png", frame.EncodePng()));
        }
        catch (HilException e)
        {
            // A missing native codec must not hide the real failure; the text evidence still goes out.
            OperatorLog.WaitProgress(_core.Logger, "evidence", $"could not encode '{name}': {e.Message}");
        }
        finally
        {
            if (dispose)
            {
                frame.Dispose();
            }
        }
    }
}
