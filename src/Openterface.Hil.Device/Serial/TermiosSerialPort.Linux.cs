using System.Runtime.InteropServices;

namespace Openterface.Hil.Device;

internal sealed unsafe partial class TermiosSerialPort
{
    private void OpenNative()
    {
        var speed = LinuxNative.SpeedConstant(BaudRate);
        var fd = LinuxNative.Open(Path, LinuxNative.ORdWr | LinuxNative.ONoCtty | LinuxNative.OCloExec | LinuxNative.ONonBlock);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                LinuxNative.ENoEnt => new DeviceNotFoundException($"Serial port '{Path}' does not exist. Check the cable, or use '--serial auto' to find the Mini-KVM."),
                LinuxNative.EAcces => new DeviceException($"No permission to open serial port '{Path}'. Add your user to the 'dialout' group or install the Openterface udev rule (TAG+=\"uaccess\"), then log in again.", isTransient: false),
                LinuxNative.EBusy => new DeviceException($"Serial port '{Path}' is busy (opened exclusively elsewhere). Close the other program (Openterface app, brltty, ModemManager).", isTransient: true),
                _ => new DeviceException($"Cannot open serial port '{Path}': {LinuxNative.Describe(errno)}.", isTransient: false),
            };
        }

        var handle = new SerialFdHandle(fd);
        try
        {
            if (LinuxNative.Flock(fd, LinuxNative.LockEx | LinuxNative.LockNb) != 0)
            {
                throw new DeviceException($"Serial port '{Path}' is locked by another process. Close the other program (another hil run, Openterface app, minicom).", isTransient: true);
            }

            // Exclusive tty mode: further open() calls fail with EBUSY (root bypasses it; flock above covers that).
            LinuxNative.Ioctl(fd, LinuxNative.TiocExcl, 0);

            // The modem-line policy (which lines to drop, per control chip) is applied by the link right after open.
            Configure(fd, speed);
            LinuxNative.TcFlush(fd, LinuxNative.TciOFlush);
        }
        catch
        {
            handle.Dispose();
            throw;
        }

        _handle = handle;
    }

    /// <summary>Raw 8N1 at <paramref name="speed"/> on the open descriptor (also used to change baud without reopening).</summary>
    private void Configure(int fd, uint speed)
    {
        LinuxNative.Termios termios;
        if (LinuxNative.TcGetAttr(fd, &termios) != 0)
        {
            throw Failure("tcgetattr");
        }

        LinuxNative.CfMakeRaw(&termios);

        // cfmakeraw leaves IXOFF/IXANY (and other input flags) as they were: no input processing at all.
        termios.InputFlags = 0;
        termios.ControlFlags &= ~(LinuxNative.Csize | LinuxNative.Cstopb | LinuxNative.Parenb | LinuxNative.Crtscts);
        termios.ControlFlags |= LinuxNative.Cs8 | LinuxNative.Cread | LinuxNative.Clocal;
        termios.ControlChars[LinuxNative.Vmin] = 1;
        termios.ControlChars[LinuxNative.Vtime] = 0;
        if (LinuxNative.CfSetISpeed(&termios, speed) != 0 || LinuxNative.CfSetOSpeed(&termios, speed) != 0)
        {
            throw Failure($"cfsetspeed {speed}");
        }

        if (LinuxNative.TcSetAttr(fd, LinuxNative.TcsaNow, &termios) != 0)
        {
            throw Failure("tcsetattr");
        }
    }

    /// <summary>
    /// B0 before close: the tty keeps its termios between opens, and a port left at B0 is not raised again by the next
    /// open() (no DTR glitch on a gen1 board's USB-A port). Best effort: a pty ignores it.
    /// </summary>
    private static void HangUpSpeed(int fd)
    {
        LinuxNative.Termios termios;
        if (LinuxNative.TcGetAttr(fd, &termios) == 0)
        {
            LinuxNative.CfSetISpeed(&termios, 0);
            LinuxNative.CfSetOSpeed(&termios, 0);
            LinuxNative.TcSetAttr(fd, LinuxNative.TcsaNow, &termios);
        }
    }

    private void SetModemLines(int fd, bool dtr, bool rts, bool strict)
    {
        var set = (dtr ? LinuxNative.TiocMDtr : 0) | (rts ? LinuxNative.TiocMRts : 0);
        var clear = (dtr ? 0 : LinuxNative.TiocMDtr) | (rts ? 0 : LinuxNative.TiocMRts);
        var ok = true;
        if (set != 0)
        {
            ok &= LinuxNative.Ioctl(fd, LinuxNative.TiocMBis, &set) == 0;
        }

        if (clear != 0)
        {
            ok &= LinuxNative.Ioctl(fd, LinuxNative.TiocMBic, &clear) == 0;
        }

        if (!ok && strict)
        {
            throw new DeviceException($"Serial port '{Path}' has no DTR/RTS lines ({LinuxNative.Describe(Marshal.GetLastPInvokeError())}); a pseudo-terminal or CDC-ACM port cannot pulse them.", isTransient: false);
        }
    }

    private int ReadNative(int fd, byte[] buffer, int pollTimeoutMs)
    {
        var poll = new LinuxNative.PollFd { Fd = fd, Events = LinuxNative.PollIn };
        var ready = LinuxNative.Poll(&poll, 1, pollTimeoutMs);
        if (ready < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno == LinuxNative.EIntr ? 0 : throw Vanished(LinuxNative.Describe(errno));
        }

        if (ready == 0)
        {
            return 0;
        }

        if ((poll.ReturnedEvents & LinuxNative.PollIn) != 0)
        {
            fixed (byte* pointer = buffer)
            {
                var count = LinuxNative.Read(fd, pointer, buffer.Length);
                if (count > 0)
                {
                    return (int)count;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (count < 0 && errno is LinuxNative.EAgain or LinuxNative.EIntr)
                {
                    return 0;
                }

                throw Vanished(count == 0 ? "end of file" : LinuxNative.Describe(errno));
            }
        }

        if ((poll.ReturnedEvents & (LinuxNative.PollHup | LinuxNative.PollErr | LinuxNative.PollNval)) != 0)
        {
            throw Vanished("hang-up");
        }

        return 0;
    }

    private void WriteNative(int fd, ReadOnlySpan<byte> data, CancellationToken cancellationToken)
    {
        var started = Environment.TickCount64;
        fixed (byte* start = data)
        {
            var written = 0;
            while (written < data.Length)
            {
                var count = LinuxNative.Write(fd, start + written, data.Length - written);
                if (count > 0)
                {
                    written += (int)count;
                    continue;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno is LinuxNative.EAgain or LinuxNative.EIntr)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (Environment.TickCount64 - started > (long)WriteTimeout.TotalMilliseconds)
                    {
                        throw new DeviceException(
                            $"Serial port '{Path}' accepted only {written} of {data.Length} bytes within {WriteTimeout.TotalMilliseconds:0}ms (output buffer full: "
                            + "the device is not reading). Check that this is the Mini-KVM's control port and replug it.",
                            isTransient: true);
                    }

                    var poll = new LinuxNative.PollFd { Fd = fd, Events = LinuxNative.PollOut };
                    LinuxNative.Poll(&poll, 1, 50);
                    continue;
                }

                throw Vanished(LinuxNative.Describe(errno));
            }
        }
    }

    private void CloseNative()
    {
        if (_handle is not { IsClosed: false } handle)
        {
            return;
        }

        using (var fd = handle.Use())
        {
            HangUpSpeed(fd.Fd);
        }

        handle.Dispose();
    }

    private DeviceException Vanished(string reason) =>
        new($"Serial port '{Path}' vanished ({reason}). Check the USB cable; the link reconnects when the port comes back.", isTransient: true);

    private DeviceException Failure(string call) =>
        new($"Serial port '{Path}': {call} failed: {LinuxNative.Describe(Marshal.GetLastPInvokeError())}.", isTransient: false);
}
