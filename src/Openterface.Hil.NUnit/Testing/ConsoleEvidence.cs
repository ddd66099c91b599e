using System.Text;

namespace Openterface.Hil.NUnit;

/// <summary>Every test on a rig with a console gets its console transcript (timestamped lines, secrets masked).</summary>
internal static class ConsoleEvidence
{
    public const string AttachmentName = "Console transcript";

    public static void Attach(HilSession session)
    {
        if (!session.Console.IsAvailable)
        {
            return;
        }

        var lines = session.Console.Transcript;
        var text = lines.Count == 0 ? $"(no output on {session.Console.Uri})" : string.Join('\n', lines);
        HilAllure.Attach(AttachmentName, "text/plain", "txt", Encoding.UTF8.GetBytes(text));
    }
}
