namespace Openterface.Hil.Video;

/// <summary>A reusable, growable byte buffer holding one encoded frame; steady state allocates nothing.</summary>
internal sealed class JpegBuffer
{
    private byte[] _bytes;

    internal JpegBuffer(int initialCapacity = 256 * 1024) => _bytes = new byte[initialCapacity];

    internal int Length { get; private set; }

    internal ReadOnlySpan<byte> Span => _bytes.AsSpan(0, Length);

    internal byte[] Array => _bytes;

    /// <summary>Makes room for <paramref name="length"/> bytes (discarding the content) and returns the writable span.</summary>
    internal Span<byte> Prepare(int length)
    {
        if (_bytes.Length < length)
        {
            _bytes = new byte[RoundUp(length)];
        }

        Length = length;
        return _bytes.AsSpan(0, length);
    }

    /// <summary>Grows to hold at least <paramref name="capacity"/> bytes, keeping the first <see cref="Length"/>.</summary>
    internal void EnsureCapacity(int capacity)
    {
        if (_bytes.Length < capacity)
        {
            var bigger = new byte[RoundUp(capacity)];
            _bytes.AsSpan(0, Length).CopyTo(bigger);
            _bytes = bigger;
        }
    }

    internal void SetLength(int length) => Length = length;

    internal void CopyFrom(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Prepare(bytes.Length));

    internal void Clear() => Length = 0;

    private static int RoundUp(int length) => (length + 65535) & ~65535;
}
