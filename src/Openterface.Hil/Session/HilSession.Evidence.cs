namespace Openterface.Hil;

/// <summary>Evidence a report attaches when something went wrong: recent video and the serial transcript.</summary>
public sealed partial class HilSession
{
    /// <summary>Recent traffic with the Mini-KVM ("TX 57 AB ..."), newest last; secret typing is redacted.</summary>
    public IReadOnlyList<string> SerialTranscript => _actions.Link.Transcript;

    /// <summary>
    /// Writes the last <paramref name="window"/> of captured video (kept in a ring in memory) as a browser-playable
    /// MP4 or WebM, chosen by the extension. Returns false when this session's video keeps no ring. Frames captured
    /// while a typed secret may have been on screen (<see cref="SecretMayBeOnScreen"/>) are left out.
    /// </summary>
    public async Task<bool> ExportRecentVideoAsync(string path, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (_live is not { } live || live.Ring.Count == 0)
        {
            return false;
        }

        await live.Ring.ExportAsync(path, window, _session.SecretWindow.Covers, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// True from the moment a secret is typed until the next other input action: the screen may show the secret, so
    /// a report attaches a placeholder instead of a screenshot.
    /// </summary>
    public bool SecretMayBeOnScreen => _session.SecretWindow.IsOpen;
}
