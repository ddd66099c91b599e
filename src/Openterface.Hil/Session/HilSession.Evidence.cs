namespace Openterface.Hil;

/// <summary>Evidence a report attaches when something went wrong: recent video and the serial transcript.</summary>
public sealed partial class HilSession
{
    /// <summary>Recent traffic with the Mini-KVM ("TX 57 AB ..."), newest last; secret typing is redacted.</summary>
    public IReadOnlyList<string> SerialTranscript => _core.Parts.Link.Transcript;

    /// <summary>
    /// Writes the last <paramref name="window"/> of captured video (kept in a ring in memory) as a browser-playable
    /// MP4 or WebM, chosen by the extension. Returns false when this session's video keeps no ring.
    /// </summary>
    public async Task<bool> ExportRecentVideoAsync(string path, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (_core.Parts.Live is not { } live || live.Ring.Count == 0)
        {
            return false;
        }

        await live.Ring.ExportAsync(path, window, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
