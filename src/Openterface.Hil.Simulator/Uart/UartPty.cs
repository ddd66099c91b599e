using System.Runtime.InteropServices;
using System.Text;

namespace Openterface.Hil.Simulator;

/// <summary>
/// One pseudo-terminal for a console port. Unlike the CH9329's pty no slave is held open: while no harness has the
/// slave open the master reports a hang-up and the target's output is discarded (a real UART with nobody listening
/// loses it too), so a harness never reads output from before it opened the port. The slave is set raw once, here,
/// so nothing is echoed back while the harness is still configuring it.
/// </summary>
internal sealed unsafe class UartPty : IDisposable
{
    private const int ONonBlock = 0x800;
    private const short PollOut = 0x4;
    private int _master;

    private UartPty(int master, string slavePath)
    {
        _master = master;
        SlavePath = slavePath;
    }

    public string SlavePath { get; }

    public static UartPty Open()
    {
        var master = PtyNative.PosixOpenPt(PtyNative.ORdWr | PtyNative.ONoCtty | PtyNative.OCloExec | ONonBlock);
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
                throw new IOException($"Setting up the console pseudo-terminal failed (errno {errno}).");
            }
        }

        var path = Encoding.ASCII.GetString(name, 0, Array.IndexOf(name, (byte)0));
        var slave = PtyNative.Open(path, PtyNative.ORdWr | PtyNative.ONoCtty | PtyNative.OCloExec);
        if (slave < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            PtyNative.Close(master);
            throw new IOException($"Opening '{path}' failed (errno {errno}).");
        }

        PtyNative.Termios termios;
        PtyNative.TcGetAttr(slave, &termios);
        PtyNative.CfMakeRaw(&termios);
        PtyNative.TcSetAttr(slave, 0, &termios);
        PtyNative.Close(slave);
        return new UartPty(master, path);
    }

    /// <summary>
    /// Waits up to <paramref name="timeoutMs"/> for input (or room to write when <paramref name="wantWrite"/>).
    /// Returns false while no harness has the slave open (then it waits the whole timeout).
    /// </summary>
    public bool Poll(bool wantWrite, int timeoutMs, out bool readable, out bool writable)
    {
        var poll = new PtyNative.PollFd { Fd = _master, Events = (short)(PtyNative.PollIn | (wantWrite ? PollOut : 0)) };
        PtyNative.Poll(&poll, 1, timeoutMs);
        readable = (poll.ReturnedEvents & PtyNative.PollIn) != 0;
        writable = (poll.ReturnedEvents & PollOut) != 0;
        if ((poll.ReturnedEvents & PtyNative.PollHup) != 0 && !readable)
        {
            PtyNative.Poll(null, 0, timeoutMs);
            return false;
        }

        return true;
    }

    /// <summary>Reads what the harness sent (0 when nothing).</summary>
    public int Read(byte[] buffer)
    {
        fixed (byte* pointer = buffer)
        {
            var count = PtyNative.Read(_master, pointer, buffer.Length);
            return count > 0 ? (int)count : 0;
        }
    }

    /// <summary>Writes as much as the pty takes now; returns the count (0 when full).</summary>
    public int Write(ReadOnlySpan<byte> data)
    {
        fixed (byte* start = data)
        {
            var count = PtyNative.Write(_master, start, data.Length);
            return count > 0 ? (int)count : 0;
        }
    }

    public void Dispose()
    {
        if (_master >= 0)
        {
            PtyNative.Close(_master);
            _master = -1;
        }
    }
}
