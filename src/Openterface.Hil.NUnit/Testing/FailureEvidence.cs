using System.Text;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.NUnit;

/// <summary>What a failed test leaves in its report: the last screen, the video before it, the serial transcript.</summary>
internal static class FailureEvidence
{
    public static async Task AttachAsync(HilSession session)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        if (session.SecretMayBeOnScreen)
        {
            HilAllure.Attach("Screen at failure (withheld)", "text/plain", "txt", Encoding.UTF8.GetBytes(
                "A secret was typed and no other input was sent since, so the screen may show it: no screenshot."));
        }
        else
        {
            await AttachScreenAsync(session, timeout.Token).ConfigureAwait(false);
        }

        var video = Path.Combine(Path.GetTempPath(), $"hil-failure-{Guid.NewGuid():N}.mp4");
        try
        {
            if (await session.ExportRecentVideoAsync(video, TimeSpan.FromSeconds(10), timeout.Token).ConfigureAwait(false))
            {
                HilAllure.Attach("Video of the last seconds", "video/mp4", "mp4", await File.ReadAllBytesAsync(video, timeout.Token).ConfigureAwait(false));
            }
        }
        catch (Exception e) when (e is HilException or IOException or OperationCanceledException)
        {
            HilAllure.Attach("Video (unavailable)", "text/plain", "txt", Encoding.UTF8.GetBytes(e.Message));
        }
        finally
        {
            File.Delete(video);
        }

        var transcript = session.SerialTranscript;
        if (transcript.Count > 0)
        {
            HilAllure.Attach("Serial transcript", "text/plain", "txt", Encoding.UTF8.GetBytes(string.Join('\n', transcript)));
        }
    }

    private static async Task AttachScreenAsync(HilSession session, CancellationToken cancellationToken)
    {
        try
        {
            using var frame = await session.Screen.ScreenshotAsync(cancellationToken).ConfigureAwait(false);
            HilAllure.Attach("Screen at failure", "image/png", "png", frame.EncodePng());
        }
        catch (Exception e) when (e is HilException or OperationCanceledException)
        {
            HilAllure.Attach("Screen at failure (unavailable)", "text/plain", "txt", Encoding.UTF8.GetBytes(e.Message));
        }
    }
}
