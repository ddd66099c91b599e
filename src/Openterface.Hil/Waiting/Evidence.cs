using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>
/// Turns a failed wait's frames into attachments: last frame, match overlay, needle, diff (PNG), call log, and, when
/// <see cref="HilOptions.CandidateNeedles"/> is set, a candidate needle saved there (see <see cref="NeedleCandidate"/>).
/// </summary>
internal sealed class Evidence
{
    private readonly ScreenService _screen;
    private readonly SessionContext _session;

    public Evidence(ScreenService screen)
    {
        _screen = screen;
        _session = screen.Session;
    }

    public IReadOnlyList<StepAttachment> Collect(Frame? last, Frame? best, MatchResult? match, IReadOnlyList<string> callLog)
    {
        var attachments = new List<StepAttachment>();
        string? candidate = null;
        Add(attachments, "last frame", last, dispose: false);
        if (match is not null && best is not null)
        {
            var needle = _screen.Vision.Needles is { } set && set.TryGet(match.NeedleName, out var found) ? found : null;
            Add(attachments, "match overlay", TryDraw(() => MatchOverlay.Draw(best, match)), dispose: true);
            Add(attachments, "needle", needle is null ? null : TryDraw(() => needle.Templates[^1].Colour.Share()), dispose: true);
            Add(attachments, "diff", needle is null ? null : TryDraw(() => MatchOverlay.Diff(best, needle, match)), dispose: true);
            if (needle is not null && !match.Found)
            {
                candidate = SaveCandidate(attachments, best, needle, match);
            }
        }

        attachments.Add(new StepAttachment(
            "call log",
            "text/plain",
            "txt",
            System.Text.Encoding.UTF8.GetBytes(_session.Redact(string.Join('\n', candidate is null ? callLog : [.. callLog, candidate])))));
        return attachments;
    }

    /// <summary>Saves the candidate needle (frame + moved areas) and attaches its JSON; never with a secret possibly on screen.</summary>
    /// <returns>The call-log line naming the candidate and how to accept it; null when none was saved.</returns>
    private string? SaveCandidate(List<StepAttachment> attachments, Frame best, Needle needle, MatchResult match)
    {
        if (_session.Options.CandidateNeedles is not { } folder || _session.SecretWindow.IsOpen || _session.SecretWindow.Covers(best.Timestamp))
        {
            return null;
        }

        try
        {
            var json = NeedleCandidate.Save(best, needle, match, folder, _session.Time.GetUtcNow());
            attachments.Add(new StepAttachment("candidate needle", "application/json", "json", File.ReadAllBytes(json)));
            var line = $"candidate needle saved: '{json}' (accept it with: hil needle accept '{json}' --into NEEDLE_FOLDER)";
            OperatorLog.WaitProgress(_session.Logger, "evidence", line);
            return line;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or HilException or ArgumentException)
        {
            OperatorLog.WaitProgress(_session.Logger, "evidence", $"could not save a candidate needle: {e.Message}");
            return null;
        }
    }

    private Frame? TryDraw(Func<Frame> draw)
    {
        try
        {
            return draw();
        }
        catch (Exception e) when (e is HilException or ArgumentException)
        {
            OperatorLog.WaitProgress(_session.Logger, "evidence", $"could not draw the match: {e.Message}");
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
            OperatorLog.WaitProgress(_session.Logger, "evidence", $"could not encode '{name}': {e.Message}");
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
