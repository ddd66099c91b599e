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

    public IReadOnlyList<StepAttachment> Collect(Frame? last, Frame? best, NeedleMatch? match, IReadOnlyList<string> callLog)
    {
        var attachments = new List<StepAttachment>();
        Add(attachments, "last frame", last, dispose: false);
        if (match is not null && best is not null)
        {
            NeedleEvidence? explained = null;
            try
            {
                explained = _core.Parts.Needles.Explain(best, match);
            }
            catch (Exception e) when (e is HilException or ArgumentException)
            {
                OperatorLog.WaitProgress(_core.Logger, "evidence", $"could not draw the match: {e.Message}");
            }

            if (explained is not null)
            {
                Add(attachments, "match overlay", explained.Overlay, dispose: true);
                Add(attachments, "needle", explained.Needle, dispose: true);
                Add(attachments, "diff", explained.Diff, dispose: true);
            }
        }

        attachments.Add(new StepAttachment(
            "call log",
            "text/plain",
            "txt",
            System.Text.Encoding.UTF8.GetBytes(_core.Redact(string.Join('\n', callLog)))));
        return attachments;
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
