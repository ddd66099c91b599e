namespace Openterface.Hil.Simulator;

/// <summary>
/// One pseudo-terminal for a console port. Unlike the CH9329's pty no slave is held open: while no harness has the
/// slave open the master reports a hang-up and the target's output is discarded (a real UART with nobody listening
/// loses it too), so a harness never reads output from before it opened the port. The slave is set raw once, here,
/// so nothing is echoed back while the harness is still configuring it.
/// </summary>
internal sealed unsafe class UartPty : IDisposable
{
    private int _master;

    private UartPty(int master, string slavePath)
    {
        _master = master;
        SlavePath = slavePath;
    }

    public string SlavePath { get; }

    public static UartPty Open()
    {
        var (master, slave, path) = RawPtyPair.Open(PtyNative.ONonBlock, "console pseudo-terminal");
        PtyNative.Close(slave);
        return new UartPty(master, path);
    }

    /// <summary>
    /// Waits up to <paramref name="timeoutMs"/> for input (or room to write when <paramref name="wantWrite"/>).
    /// Returns false while no harness has the slave open (then it waits the whole timeout).
    /// </summary>
    public bool Poll(bool wantWrite, int timeoutMs, out bool readable, out bool writable)
    {
        var poll = new PtyNative.PollFd { Fd = _master, Events = (short)(PtyNative.PollIn | (wantWrite ? PtyNative.PollOut : 0)) };
        PtyNative.Poll(&poll, 1, timeoutMs);
        readable = (poll.ReturnedEvents & PtyNative.PollIn) != 0;
        writable = (poll.ReturnedEvents & PtyNative.PollOut) != 0;
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
