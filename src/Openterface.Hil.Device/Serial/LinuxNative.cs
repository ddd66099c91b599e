using System.Runtime.InteropServices;

namespace Openterface.Hil.Device;

/// <summary>libc calls for termios serial ports and hidraw (Linux, glibc layouts for x86_64 and arm64).</summary>
internal static unsafe partial class LinuxNative
{
    internal const int ORdWr = 0x2;
    internal const int ONoCtty = 0x100;
    internal const int ONonBlock = 0x800;
    internal const int OCloExec = 0x80000;
    internal const int EIntr = 4;
    internal const int EIo = 5;
    internal const int EAgain = 11;
    internal const int EAcces = 13;
    internal const int EBusy = 16;
    internal const int ENoEnt = 2;
    internal const short PollIn = 0x1;
    internal const short PollOut = 0x4;
    internal const short PollErr = 0x8;
    internal const short PollHup = 0x10;
    internal const short PollNval = 0x20;
    internal const uint Csize = 0x30;
    internal const uint Cs8 = 0x30;
    internal const uint Cstopb = 0x40;
    internal const uint Cread = 0x80;
    internal const uint Parenb = 0x100;
    internal const uint Clocal = 0x800;
    internal const uint Crtscts = 0x80000000;
    internal const int Vtime = 5;
    internal const int Vmin = 6;
    internal const ulong TiocExcl = 0x540C;
    internal const ulong TiocMGet = 0x5415;
    internal const ulong TiocMBis = 0x5416;
    internal const ulong TiocMBic = 0x5417;
    internal const int TiocMDtr = 0x002;
    internal const int TiocMRts = 0x004;
    internal const int LockEx = 2;
    internal const int LockNb = 4;
    internal const int LockUn = 8;
    internal const int TcsaNow = 0;
    internal const int TciOFlush = 2;

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

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags);

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

    [LibraryImport("libc", EntryPoint = "cfsetispeed", SetLastError = true)]
    internal static partial int CfSetISpeed(Termios* termios, uint speed);

    [LibraryImport("libc", EntryPoint = "cfsetospeed", SetLastError = true)]
    internal static partial int CfSetOSpeed(Termios* termios, uint speed);

    [LibraryImport("libc", EntryPoint = "tcflush", SetLastError = true)]
    internal static partial int TcFlush(int fd, int queue);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    internal static partial int Ioctl(int fd, ulong request, int* argument);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    internal static partial int Ioctl(int fd, ulong request, byte* argument);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    internal static partial int Ioctl(int fd, ulong request, nint argument);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    internal static partial int Flock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "strerror")]
    internal static partial nint StrError(int errno);

    internal static string Describe(int errno) => Marshal.PtrToStringUTF8(StrError(errno)) ?? $"errno {errno}";

    /// <summary>termios speed constants (Bnnn) for every standard rate.</summary>
    internal static uint SpeedConstant(int baud) => baud switch
    {
        50 => 1, 75 => 2, 110 => 3, 134 => 4, 150 => 5, 200 => 6, 300 => 7, 600 => 8, 1200 => 9, 1800 => 10,
        2400 => 11, 4800 => 12, 9600 => 13, 19200 => 14, 38400 => 15, 57600 => 0x1001, 115200 => 0x1002,
        230400 => 0x1003, 460800 => 0x1004, 500000 => 0x1005, 576000 => 0x1006, 921600 => 0x1007,
        1000000 => 0x1008, 1152000 => 0x1009, 1500000 => 0x100A, 2000000 => 0x100B, 2500000 => 0x100C,
        3000000 => 0x100D, 3500000 => 0x100E, 4000000 => 0x100F,
        _ => throw new ArgumentOutOfRangeException(nameof(baud), baud, "Not a standard baud rate (e.g. 9600, 115200)."),
    };
}
