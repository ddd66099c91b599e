using System.Collections.Concurrent;

namespace Openterface.Hil.Imaging;

/// <summary>
/// Pinned pixel arrays on the pinned object heap, reused by exact size. Frames of one capture stream all have
/// the same size, so steady state allocates nothing and native code can use the address without pinning.
/// The pool keeps at most <see cref="MaxPooledPerSize"/> arrays of one size and <see cref="MaxPooledBytes"/> in all;
/// arrays beyond that are left to the garbage collector.
/// </summary>
internal static class PixelBufferPool
{
    internal const int MaxPooledPerSize = 64;
    internal const long MaxPooledBytes = 256L * 1024 * 1024;
    private static readonly ConcurrentDictionary<int, ConcurrentBag<byte[]>> Buckets = new();
    private static long _pooledBytes;

    /// <summary>Bytes held by the pool now (not counting arrays rented out).</summary>
    internal static long PooledBytes => Interlocked.Read(ref _pooledBytes);

    internal static byte[] Rent(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        if (Buckets.TryGetValue(length, out var bag) && bag.TryTake(out var array))
        {
            Interlocked.Add(ref _pooledBytes, -array.Length);
            return array;
        }

        return GC.AllocateUninitializedArray<byte>(length, pinned: true);
    }

    internal static void Return(byte[] array)
    {
        var bag = Buckets.GetOrAdd(array.Length, static _ => new ConcurrentBag<byte[]>());
        if (bag.Count >= MaxPooledPerSize)
        {
            return;
        }

        if (Interlocked.Add(ref _pooledBytes, array.Length) > MaxPooledBytes)
        {
            Interlocked.Add(ref _pooledBytes, -array.Length);
            return;
        }

        bag.Add(array);
    }
}
