using System.Collections.Concurrent;

namespace Openterface.Hil.Imaging;

/// <summary>
/// Pinned pixel arrays on the pinned object heap, reused by exact size. Frames of one capture stream all have
/// the same size, so steady state allocates nothing and native code can use the address without pinning.
/// </summary>
internal static class PixelBufferPool
{
    private const int MaxPooledPerSize = 64;
    private static readonly ConcurrentDictionary<int, ConcurrentBag<byte[]>> Buckets = new();

    internal static byte[] Rent(int length)
    {
        if (Buckets.TryGetValue(length, out var bag) && bag.TryTake(out var array))
        {
            return array;
        }

        return GC.AllocateUninitializedArray<byte>(length, pinned: true);
    }

    internal static void Return(byte[] array)
    {
        var bag = Buckets.GetOrAdd(array.Length, static _ => new ConcurrentBag<byte[]>());
        if (bag.Count < MaxPooledPerSize)
        {
            bag.Add(array);
        }
    }
}
