namespace Openterface.Hil.Imaging;

/// <summary>
/// The pooled pixel buffer behind one or more <see cref="Frame"/> owners. Counts owners; the buffer goes back
/// to <see cref="PixelBufferPool"/> when the last one releases it.
/// </summary>
internal sealed class PixelStorage
{
    private byte[]? _buffer;
    private int _owners = 1;

    internal PixelStorage(byte[] buffer) => _buffer = buffer;

    internal byte[]? Buffer => Volatile.Read(ref _buffer);

    internal void AddOwner()
    {
        while (true)
        {
            var owners = Volatile.Read(ref _owners);
            if (owners <= 0)
            {
                throw new ObjectDisposedException(nameof(Frame));
            }

            if (Interlocked.CompareExchange(ref _owners, owners + 1, owners) == owners)
            {
                return;
            }
        }
    }

    internal void Release()
    {
        if (Interlocked.Decrement(ref _owners) == 0 && Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            PixelBufferPool.Return(buffer);
        }
    }
}
