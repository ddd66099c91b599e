namespace Openterface.Hil.Protocol;

/// <summary>
/// Streaming CH9329 frame decoder. Append bytes as they arrive, then call <see cref="TryRead"/> until it returns
/// false. Bytes before a 57 AB header are skipped (counted in <see cref="DiscardedBytes"/>), which also absorbs
/// the extra trailing byte some hosts send (the double-checksum quirk, reference §4.4). A frame with a LEN above
/// 64 or a wrong SUM raises <see cref="ProtocolException"/> after its header byte has been dropped, so the next
/// call resynchronises on the following 57 AB. Nothing else is ever thrown for any input.
/// </summary>
public sealed class Ch9329FrameDecoder
{
    private byte[] _buffer = new byte[256];
    private int _start;
    private int _end;

    /// <summary>Bytes currently held (a partial frame, or not yet scanned).</summary>
    public int Buffered => _end - _start;

    /// <summary>Garbage bytes skipped while looking for a header, since creation.</summary>
    public long DiscardedBytes { get; private set; }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        if (_end + bytes.Length > _buffer.Length)
        {
            var held = _end - _start;
            if (held + bytes.Length > _buffer.Length)
            {
                var grown = new byte[Math.Max(_buffer.Length * 2, held + bytes.Length)];
                _buffer.AsSpan(_start, held).CopyTo(grown);
                _buffer = grown;
            }
            else
            {
                _buffer.AsSpan(_start, held).CopyTo(_buffer);
            }

            _start = 0;
            _end = held;
        }

        bytes.CopyTo(_buffer.AsSpan(_end));
        _end += bytes.Length;
    }

    /// <summary>Drops everything buffered (e.g. after a port reopen).</summary>
    public void Reset()
    {
        _start = 0;
        _end = 0;
    }

    /// <summary>Returns the next whole frame, false when more bytes are needed; throws <see cref="ProtocolException"/> for a bad frame.</summary>
    public bool TryRead(out Ch9329Frame frame)
    {
        frame = null!;
        while (true)
        {
            SkipToHeader();
            var held = _end - _start;
            if (held < 5)
            {
                return false;
            }

            var span = _buffer.AsSpan(_start, held);
            var length = span[4];
            if (length > Ch9329Frame.MaxDataLength)
            {
                Drop(1);
                throw new ProtocolException(ProtocolError.BadLength, $"Frame LEN '{length}' is above {Ch9329Frame.MaxDataLength} (header at '{Ch9329Frame.Hex(span[..5])}'); resynchronising.");
            }

            var total = length + Ch9329Frame.Overhead;
            if (held < total)
            {
                return false;
            }

            var expected = Ch9329Frame.Checksum(span[..(total - 1)]);
            var actual = span[total - 1];
            if (expected != actual)
            {
                var shown = Ch9329Frame.Hex(span[..Math.Min(total, 16)]) + (total > 16 ? " ..." : string.Empty);
                var code = span[3];
                Drop(1);
                throw new ProtocolException(ProtocolError.BadChecksum, $"Frame '{shown}' has checksum '{actual:X2}', expected '{expected:X2}'; resynchronising.") { FrameCode = code };
            }

            frame = new Ch9329Frame(span[3], span.Slice(5, length), span[2]);
            Drop(total);
            return true;
        }
    }

    private void SkipToHeader()
    {
        while (_end - _start >= 2)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var index = span.IndexOf(Ch9329Frame.Head0);
            if (index < 0)
            {
                DiscardedBytes += span.Length;
                Reset();
                return;
            }

            if (index > 0)
            {
                Drop(index);
                DiscardedBytes += index;
                continue;
            }

            if (span[1] == Ch9329Frame.Head1)
            {
                return;
            }

            Drop(1);
            DiscardedBytes++;
        }

        if (_end - _start == 1 && _buffer[_start] != Ch9329Frame.Head0)
        {
            DiscardedBytes++;
            Reset();
        }
    }

    private void Drop(int count)
    {
        _start += count;
        if (_start >= _end)
        {
            Reset();
        }
    }
}
