using Microsoft.Win32.SafeHandles;

namespace Openterface.Hil.Device;

/// <summary>
/// Owns an open tty descriptor. A call in flight holds a reference (<see cref="Use"/>), so disposing the port while
/// its reader thread is still inside poll() or read() defers close() until that call returns: the number is never
/// closed under a running call and never reused by another open() while we still use it.
/// </summary>
internal sealed class SerialFdHandle : SafeHandleMinusOneIsInvalid
{
    public SerialFdHandle(int fd)
        : base(ownsHandle: true) => SetHandle(fd);

    /// <summary>Takes a reference for one call; throws <see cref="ObjectDisposedException"/> once the port is closed.</summary>
    public Lease Use()
    {
        var added = false;
        DangerousAddRef(ref added);
        return new Lease(this, (int)handle);
    }

    protected override bool ReleaseHandle()
    {
        // close() drops the flock too; unlocking first keeps the order explicit for readers of /proc/locks.
        LinuxNative.Flock((int)handle, LinuxNative.LockUn);
        return LinuxNative.Close((int)handle) == 0;
    }

    /// <summary>The descriptor for the duration of one call.</summary>
    public readonly struct Lease(SerialFdHandle owner, int fd) : IDisposable
    {
        public int Fd { get; } = fd;

        public void Dispose() => owner.DangerousRelease();
    }
}
