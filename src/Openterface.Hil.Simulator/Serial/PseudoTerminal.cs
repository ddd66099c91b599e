using System.Runtime.InteropServices;

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
        var (master, holder, path) = RawPtyPair.Open(0, "pseudo-terminal");
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
