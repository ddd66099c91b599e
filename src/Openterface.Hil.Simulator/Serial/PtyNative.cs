using System.Runtime.InteropServices;

namespace Openterface.Hil.Simulator;

/// <summary>
/// libc calls for the pseudo-terminal master (posix_openpt, grantpt, unlockpt, ptsname_r) and raw termios, and for the
/// QEMU target's serial FIFOs (mkfifo, fcntl F_SETPIPE_SZ).
/// </summary>
internal static unsafe partial class PtyNative
{
    internal const int ORdOnly = 0x0;
    internal const int OWrOnly = 0x1;
    internal const int ORdWr = 0x2;
    internal const int ONonBlock = 0x800;
    internal const int ONoCtty = 0x100;
    internal const int OCloExec = 0x80000;
    internal const short PollIn = 0x1;
    internal const short PollOut = 0x4;
    internal const short PollHup = 0x10;
    internal const int FSetPipeSize = 1031;
    internal const int FGetPipeSize = 1032;
    internal const int ENoEnt = 2;
    internal const int ENxio = 6;
    internal const int EPipe = 32;
    internal const int EIntr = 4;
    internal const int EAgain = 11;

    [StructLayout(LayoutKind.Sequential)]
    internal struct Termios
    {
        public uint InputFlags;
        public uint OutputFlags;
        public uint ControlFlags;
        public uint LocalFlags;
        public byte Line;
        public fixed byte ControlChars[32];
        public uint InputSpeed;
        public uint OutputSpeed;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport("libc", EntryPoint = "posix_openpt", SetLastError = true)]
    internal static partial int PosixOpenPt(int flags);

    [LibraryImport("libc", EntryPoint = "grantpt", SetLastError = true)]
    internal static partial int GrantPt(int fd);

    [LibraryImport("libc", EntryPoint = "unlockpt", SetLastError = true)]
    internal static partial int UnlockPt(int fd);

    [LibraryImport("libc", EntryPoint = "ptsname_r", SetLastError = true)]
    internal static partial int PtsNameR(int fd, byte* buffer, nuint length);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "mkfifo", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int MkFifo(string path, uint mode);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    internal static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    internal static partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    internal static partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    internal static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    internal static partial int TcGetAttr(int fd, Termios* termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    internal static partial int TcSetAttr(int fd, int optionalActions, Termios* termios);

    [LibraryImport("libc", EntryPoint = "cfmakeraw")]
    internal static partial void CfMakeRaw(Termios* termios);

    [LibraryImport("libc", EntryPoint = "cfgetispeed")]
    internal static partial uint CfGetISpeed(Termios* termios);

    /// <summary>Bnnn constant to baud (0 when unknown).</summary>
    internal static int BaudOf(uint speed) => speed switch
    {
        9 => 1200, 11 => 2400, 12 => 4800, 13 => 9600, 14 => 19200, 15 => 38400,
        0x1001 => 57600, 0x1002 => 115200, 0x1003 => 230400, 0x1004 => 460800, 0x1007 => 921600,
        _ => 0,
    };
}
