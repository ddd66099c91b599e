using System.Runtime.InteropServices;
using System.Text;

namespace Openterface.Hil.Simulator;

/// <summary>
/// A pseudo-terminal pair: the emulator owns the master, the harness opens <see cref="SlavePath"/> (/dev/pts/N)
/// exactly like a real serial port. A second slave descriptor is held open (and set raw) so the master never sees
/// a hang-up between harness opens, and so the harness's line speed can be read back.
/// </summary>
internal sealed unsafe class PseudoTerminal : IDisposable
{
    private int _master;
    private int _holder;

    private PseudoTerminal(int master, int holder, string slavePath)
    {
        _master = master;
        _holder = holder;
        SlavePath = slavePath;
    }

    public string SlavePath { get; }

    public int MasterFd => _master;

    public static PseudoTerminal Open()
    {
        var master = PtyNative.PosixOpenPt(PtyNative.ORdWr | PtyNative.ONoCtty | PtyNative.OCloExec);
        if (master < 0)
        {
            throw new IOException($"posix_openpt failed (errno {Marshal.GetLastPInvokeError()}). Is /dev/pts mounted?");
        }

        var name = new byte[128];
        fixed (byte* buffer = name)
        {
            if (PtyNative.GrantPt(master) != 0 || PtyNative.UnlockPt(master) != 0 || PtyNative.PtsNameR(master, buffer, (nuint)name.Length) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                PtyNative.Close(master);
                throw new IOException($"Setting up the pseudo-terminal failed (errno {errno}).");
            }
        }

        var path = Encoding.ASCII.GetString(name, 0, Array.IndexOf(name, (byte)0));
        var holder = PtyNative.Open(path, PtyNative.ORdWr | PtyNative.ONoCtty | PtyNative.OCloExec);
        if (holder < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            PtyNative.Close(master);
            throw new IOException($"Opening '{path}' failed (errno {errno}).");
        }

        PtyNative.Termios termios;
        PtyNative.TcGetAttr(holder, &termios);
        PtyNative.CfMakeRaw(&termios);
        PtyNative.TcSetAttr(holder, 0, &termios);
        return new PseudoTerminal(master, holder, path);
    }

    /// <summary>The line speed the harness set on the slave (0 if unknown).</summary>
    public int SlaveBaudRate()
    {
        PtyNative.Termios termios;
        return _holder >= 0 && PtyNative.TcGetAttr(_holder, &termios) == 0 ? PtyNative.BaudOf(PtyNative.CfGetISpeed(&termios)) : 0;
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for bytes; returns the count (0 when none), -1 when closed.</summary>
    public int Read(byte[] buffer, int timeoutMs)
    {
        var poll = new PtyNative.PollFd { Fd = _master, Events = PtyNative.PollIn };
        if (PtyNative.Poll(&poll, 1, timeoutMs) <= 0 || (poll.ReturnedEvents & PtyNative.PollIn) == 0)
        {
            return _master < 0 ? -1 : 0;
        }

        fixed (byte* pointer = buffer)
        {
            var count = PtyNative.Read(_master, pointer, buffer.Length);
            if (count >= 0)
            {
                return (int)count;
            }

            var errno = Marshal.GetLastPInvokeError();
            return errno is PtyNative.EAgain or PtyNative.EIntr ? 0 : -1;
        }
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        fixed (byte* start = data)
        {
            var written = 0;
            while (written < data.Length)
            {
                var count = PtyNative.Write(_master, start + written, data.Length - written);
                if (count <= 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno is PtyNative.EAgain or PtyNative.EIntr)
                    {
                        continue;
                    }

                    throw new IOException($"Writing to the pseudo-terminal master failed (errno {errno}).");
                }

                written += (int)count;
            }
        }
    }

    public void Dispose()
    {
        if (_holder >= 0)
        {
            PtyNative.Close(_holder);
            _holder = -1;
        }

        if (_master >= 0)
        {
            PtyNative.Close(_master);
            _master = -1;
        }
    }
}
