namespace Openterface.Hil.Device;

/// <summary>The last N lines of serial traffic ("TX 57 AB ...", "RX ..."), for failure evidence.</summary>
internal sealed class LinkTranscript(int capacity)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _lock = new();

    internal void Add(string line)
    {
        lock (_lock)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    internal IReadOnlyList<string> Snapshot()
    {
        lock (_lock)
        {
            return _lines.ToArray();
        }
    }
}
