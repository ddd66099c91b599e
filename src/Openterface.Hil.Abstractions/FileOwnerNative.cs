using System.Runtime.InteropServices;

namespace Openterface.Hil;

/// <summary>
/// libc calls that tell who owns a file (Linux): <c>statx</c>, whose layout is the same on every architecture
/// (stx_uid at byte 20 of 256), and <c>geteuid</c>.
/// </summary>
internal static unsafe partial class FileOwnerNative
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxUid = 0x8;
    private const int StatxSize = 256;
    private const int StatxUidOffset = 20;

    /// <summary>The user this process acts as.</summary>
    internal static uint EffectiveUserId => GetEffectiveUserId();

    /// <summary>The owner of <paramref name="path"/> itself (a symbolic link is not followed).</summary>
    internal static uint OwnerOf(string path)
    {
        var buffer = stackalloc byte[StatxSize];
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxUid, buffer) != 0)
        {
            throw new IOException($"Cannot read the owner of '{path}' (errno {Marshal.GetLastPInvokeError()}).");
        }

        return *(uint*)(buffer + StatxUidOffset);
    }

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directoryFd, string path, int flags, uint mask, byte* buffer);
}
