using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Openterface.Hil.Device;

/// <summary>
/// Everything the target wrote on its console: the raw bytes, the cleaned text (see <see cref="ConsoleTextCleaner"/>)
/// and when each line started. Positions in the cleaned text are the barriers: a wait searches only the text after
/// one. Thread-safe; <see cref="WaitForChangeAsync"/> wakes waiters on every append.
/// </summary>
internal sealed class ConsoleTranscript
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ConsoleTextCleaner _cleaner = new();
    private readonly StringBuilder _text = new();
    private readonly List<(int Start, DateTimeOffset At)> _lines = [];
    private byte[] _raw = new byte[4096];
    private long _rawLength;
    private bool _atLineStart = true;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConsoleTranscript(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>Length of the cleaned text so far: the position a barrier taken now holds.</summary>
    public int TextLength
    {
        get
        {
            lock (_gate)
            {
                return _text.Length;
            }
        }
    }

    public long RawLength => Interlocked.Read(ref _rawLength);

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>Appends bytes as they arrived from the console.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        TaskCompletionSource changed;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_rawLength + bytes.Length > _raw.Length)
            {
                Array.Resize(ref _raw, (int)Math.Max(_rawLength + bytes.Length, _raw.Length * 2L));
            }

            bytes.CopyTo(_raw.AsSpan((int)_rawLength));
            Interlocked.Add(ref _rawLength, bytes.Length);
            var before = _text.Length;
            _cleaner.Append(bytes, _text);
            var appended = _text.ToString(before, _text.Length - before);
            for (var i = 0; i < appended.Length; i++)
            {
                if (_atLineStart)
                {
                    _lines.Add((before + i, now));
                }

                _atLineStart = appended[i] == '\n';
            }

            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Completes at the next append (or when cancelled).</summary>
    public Task WaitForChangeAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _changed.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The cleaned text from position <paramref name="from"/> on.</summary>
    public string TextSince(int from)
    {
        lock (_gate)
        {
            from = Math.Clamp(from, 0, _text.Length);
            return _text.ToString(from, _text.Length - from);
        }
    }

    /// <summary>The raw bytes from byte offset <paramref name="from"/> on.</summary>
    public byte[] RawSince(long from)
    {
        lock (_gate)
        {
            from = Math.Clamp(from, 0, _rawLength);
            return _raw.AsSpan((int)from, (int)(_rawLength - from)).ToArray();
        }
    }

    /// <summary>The first match of <paramref name="pattern"/> in the text after <paramref name="from"/> (positions are absolute).</summary>
    public ConsoleTextMatch? Find(Regex pattern, int from)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        string text;
        lock (_gate)
        {
            from = Math.Clamp(from, 0, _text.Length);
            text = _text.ToString(from, _text.Length - from);
        }

        var match = pattern.Match(text);
        return match.Success ? new ConsoleTextMatch(from + match.Index, match.Length, match.Value, LineTime(from + match.Index)) : null;
    }

    /// <summary>When the line holding text position <paramref name="position"/> started to arrive.</summary>
    public DateTimeOffset LineTime(int position)
    {
        lock (_gate)
        {
            var at = _lines.Count > 0 ? _lines[0].At : _time.GetUtcNow();
            foreach (var (start, time) in _lines)
            {
                if (start > position)
                {
                    break;
                }

                at = time;
            }

            return at;
        }
    }

    /// <summary>Timestamped lines ("HH:mm:ss.fff text"), the last <paramref name="maxLines"/> (all when null), from <paramref name="from"/> on.</summary>
    public IReadOnlyList<string> FormatLines(int? maxLines = null, int from = 0)
    {
        lock (_gate)
        {
            var result = new List<string>();
            var first = 0;
            while (first < _lines.Count - 1 && _lines[first + 1].Start <= from)
            {
                first++;
            }

            if (maxLines is { } max)
            {
                first = Math.Max(first, _lines.Count - max);
            }

            for (var i = first; i < _lines.Count; i++)
            {
                var start = Math.Max(_lines[i].Start, from);
                var end = i + 1 < _lines.Count ? _lines[i + 1].Start : _text.Length;
                var line = _text.ToString(start, end - start).TrimEnd('\n');
                result.Add(_lines[i].At.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) + " " + line);
            }

            return result;
        }
    }
}

/// <summary>A match in the console's cleaned text: absolute position, length, the text, when its line arrived.</summary>
internal sealed record ConsoleTextMatch(int Index, int Length, string Value, DateTimeOffset LineTime)
{
    public int End => Index + Length;
}
