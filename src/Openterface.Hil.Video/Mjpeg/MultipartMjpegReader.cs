using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;

namespace Openterface.Hil.Video;

/// <summary>
/// Reads JPEG parts from a multipart/x-mixed-replace body as ustreamer and mjpg-streamer send it: each part is
/// introduced by "--boundary", has headers (Content-Length when the server knows it) and the JPEG bytes. Without
/// a Content-Length the part ends at the next boundary. One reusable buffer; no allocation per part.
/// </summary>
internal sealed class MultipartMjpegReader
{
    internal const int MaxPartBytes = 32 * 1024 * 1024;
    private const int MaxHeaderBytes = 16 * 1024;
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLength = "content-length:"u8.ToArray();

    private readonly Stream _stream;
    private readonly string _source;
    private readonly byte[] _boundary;
    private readonly byte[] _delimiter;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private long _bytesRead;

    internal MultipartMjpegReader(Stream stream, string boundary, string source)
    {
        _stream = stream;
        _source = source;
        _boundary = Encoding.ASCII.GetBytes("--" + boundary);
        _delimiter = Encoding.ASCII.GetBytes("\r\n--" + boundary);
    }

    /// <summary>Bytes received so far (read from any thread: the stall watchdog watches it grow).</summary>
    internal long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>Reads the next part's body into <paramref name="target"/>; false at the end of the stream.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    internal async ValueTask<bool> ReadPartAsync(JpegBuffer target, CancellationToken cancellationToken)
    {
        if (!await SkipToBoundaryAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var length = await ReadHeadersAsync(cancellationToken).ConfigureAwait(false);
        if (length == -2)
        {
            return false;
        }

        return length >= 0
            ? await ReadCountedAsync(target, length, cancellationToken).ConfigureAwait(false)
            : await ReadUntilDelimiterAsync(target, cancellationToken).ConfigureAwait(false);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> SkipToBoundaryAsync(CancellationToken cancellationToken)
    {
        var skipped = 0L;
        while (true)
        {
            var index = _buffer.AsSpan(_start, _end - _start).IndexOf(_boundary);
            if (index >= 0)
            {
                _start += index + _boundary.Length;
                return true;
            }

            var keep = Math.Min(_end - _start, _boundary.Length - 1);
            skipped += _end - _start - keep;
            _start = _end - keep;
            if (skipped > MaxHeaderBytes * 64)
            {
                throw Garbage($"no boundary '{Encoding.ASCII.GetString(_boundary)}' within {skipped} bytes");
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }
    }

    /// <summary>Content-Length, -1 when absent, -2 for the closing boundary or the end of the stream.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReadHeadersAsync(CancellationToken cancellationToken)
    {
        if (!await EnsureAsync(2, cancellationToken).ConfigureAwait(false))
        {
            return -2;
        }

        if (_buffer[_start] == (byte)'-' && _buffer[_start + 1] == (byte)'-')
        {
            return -2;
        }

        // The rest of the boundary line, then header lines up to an empty line.
        while (true)
        {
            var available = _buffer.AsSpan(_start, _end - _start);
            var lineEnd = available.IndexOf("\r\n"u8);
            if (lineEnd >= 0)
            {
                var afterLine = available[(lineEnd + 2)..];
                if (afterLine.StartsWith("\r\n"u8))
                {
                    _start += lineEnd + 4;
                    return -1;
                }

                var headersEnd = afterLine.IndexOf(HeaderEnd);
                if (headersEnd >= 0)
                {
                    var length = ParseContentLength(afterLine[..(headersEnd + 2)]);
                    _start += lineEnd + 2 + headersEnd + HeaderEnd.Length;
                    return length;
                }
            }

            if (_end - _start > MaxHeaderBytes)
            {
                throw Garbage($"part headers longer than {MaxHeaderBytes} bytes");
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return -2;
            }
        }
    }

    private int ParseContentLength(ReadOnlySpan<byte> headers)
    {
        while (!headers.IsEmpty)
        {
            var lineEnd = headers.IndexOf("\r\n"u8);
            var line = lineEnd >= 0 ? headers[..lineEnd] : headers;
            headers = lineEnd >= 0 ? headers[(lineEnd + 2)..] : default;
            if (line.Length > ContentLength.Length && Ascii.EqualsIgnoreCase(line[..ContentLength.Length], ContentLength))
            {
                var value = line[ContentLength.Length..].Trim(" \t"u8);
                if (!Utf8Parser.TryParse(value, out int length, out var consumed) || consumed != value.Length ||
                    length < 0 || length > MaxPartBytes)
                {
                    throw Garbage($"bad Content-Length '{Encoding.ASCII.GetString(value)}'");
                }

                return length;
            }
        }

        return -1;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ReadCountedAsync(JpegBuffer target, int length, CancellationToken cancellationToken)
    {
        target.Prepare(length);
        var buffered = Math.Min(length, _end - _start);
        _buffer.AsSpan(_start, buffered).CopyTo(target.Array);
        _start += buffered;
        var filled = buffered;
        while (filled < length)
        {
            var read = await _stream.ReadAsync(target.Array.AsMemory(filled, length - filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw EndedInsidePart(filled);
            }

            Interlocked.Add(ref _bytesRead, read);
            filled += read;
        }

        return true;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ReadUntilDelimiterAsync(JpegBuffer target, CancellationToken cancellationToken)
    {
        target.Clear();
        while (true)
        {
            var available = _buffer.AsSpan(_start, _end - _start);
            var index = available.IndexOf(_delimiter);
            var take = index >= 0 ? index : Math.Max(0, available.Length - (_delimiter.Length - 1));
            if (target.Length + take > MaxPartBytes)
            {
                throw Garbage($"a part without Content-Length grew past {MaxPartBytes} bytes without a boundary");
            }

            target.EnsureCapacity(target.Length + take);
            available[..take].CopyTo(target.Array.AsSpan(target.Length));
            target.SetLength(target.Length + take);
            _start += take;
            if (index >= 0)
            {
                _start += 2;
                return true;
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw EndedInsidePart(target.Length + (_end - _start));
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> EnsureAsync(int count, CancellationToken cancellationToken)
    {
        while (_end - _start < count)
        {
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Compacts the buffer and reads more; false at the end of the stream.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            throw Garbage("a header or boundary line longer than the read buffer");
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _bytesRead, read);
        _end += read;
        return read > 0;
    }

    private static EndOfStreamException EndedInsidePart(long received) =>
        new($"the stream ended inside a part after {received} bytes, before the part's end boundary");

    private VideoException Garbage(string what) => new(
        $"MJPEG stream '{_source}' is malformed: {what}. Check that the URL is an MJPEG stream (ustreamer: " +
        "http://host:8080/stream).",
        isRigFault: true);
}
