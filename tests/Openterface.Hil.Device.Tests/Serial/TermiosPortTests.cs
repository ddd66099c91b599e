using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.Device.Tests;

/// <summary>Issue 15 finding 4 and issue 14 finding 8: the termios port's settings and its bounded waits.</summary>
[TestFixture]
public sealed class TermiosPortTests
{
    private const uint Ixoff = 0x1000;
    private const uint Ixany = 0x800;

    [Test]
    public async Task Open_clears_every_input_flag_and_close_leaves_the_port_at_B0()
    {
        var target = new RecordingTarget();
        await using var _ = target;
        await using var server = new PtyCh9329Server(new Ch9329Emulator(target));
        AddInputFlags(server.Path, Ixoff | Ixany);

        var port = TermiosSerialPort.Open(server.Path, 115200, NullLogger.Instance);
        await port.SetBaudRateAsync(9600);
        await port.DisposeAsync();

        var (inputFlags, speed) = ReadSlave(server.Path);
        Assert.Multiple(() =>
        {
            Assert.That(inputFlags, Is.Zero, "cfmakeraw leaves IXOFF/IXANY: c_iflag must be zeroed");
            Assert.That(speed, Is.Zero, "B0 before close: the next open does not raise DTR again");
        });
    }

    [Test]
    public async Task A_write_nobody_reads_fails_after_the_deadline_naming_the_port()
    {
        var (master, slave) = OpenPty();
        try
        {
            var port = TermiosSerialPort.Open(slave, 115200, NullLogger.Instance, writeTimeout: TimeSpan.FromMilliseconds(200));
            try
            {
                var error = Assert.ThrowsAsync<DeviceException>(async () => await port.WriteAsync(new byte[1 << 20]))!;
                Assert.That(error.Message, Does.Contain($"'{slave}'").And.Contain("within 200ms"));
            }
            finally
            {
                await port.DisposeAsync();
            }
        }
        finally
        {
            LinuxNative.Close(master);
        }
    }

    [Test]
    public async Task Dispose_closes_the_descriptor_once_and_later_calls_are_refused()
    {
        var (master, slave) = OpenPty();
        try
        {
            var port = TermiosSerialPort.Open(slave, 115200, NullLogger.Instance);
            var whileOpen = DescriptorsOpenOn(slave);
            await port.DisposeAsync();
            await port.DisposeAsync();

            Assert.Multiple(() =>
            {
                Assert.That(whileOpen, Is.EqualTo(1), "the port holds exactly one descriptor while open");
                Assert.That(DescriptorsOpenOn(slave), Is.Zero, "dispose closes it (the reader thread's reference included)");
                Assert.ThrowsAsync<ObjectDisposedException>(async () => await port.WriteAsync(new byte[] { 1 }));
            });

            // The flock went with the descriptor: the next run opens the same port.
            await TermiosSerialPort.Open(slave, 115200, NullLogger.Instance).DisposeAsync();
        }
        finally
        {
            LinuxNative.Close(master);
        }
    }

    private static int DescriptorsOpenOn(string path) =>
        new DirectoryInfo("/proc/self/fd").GetFileSystemInfos().Count(entry =>
        {
            try
            {
                return entry.LinkTarget == path;
            }
            catch (IOException)
            {
                return false;
            }
        });

    [Test]
    public void A_TCP_serial_host_that_never_answers_times_out_naming_the_uri()
    {
        using var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var fillers = Enumerable.Range(0, 4).Select(_ => new Socket(SocketType.Stream, ProtocolType.Tcp) { Blocking = false }).ToList();
        try
        {
            foreach (var filler in fillers)
            {
                try
                {
                    filler.Connect(IPAddress.Loopback, port);
                }
                catch (SocketException)
                {
                }
            }

            var uri = $"tcp://127.0.0.1:{port}";
            var error = Assert.ThrowsAsync<DeviceException>(() => TcpSerialPort.ConnectAsync(uri, CancellationToken.None, TimeSpan.FromMilliseconds(300)))!;
            Assert.That(error.Message, Does.Contain($"'{uri}'").And.Contain("no answer within"));
        }
        finally
        {
            fillers.ForEach(f => f.Dispose());
        }
    }

    private static unsafe void AddInputFlags(string path, uint flags)
    {
        var fd = OpenSlave(path);
        LinuxNative.Termios termios;
        LinuxNative.TcGetAttr(fd, &termios);
        termios.InputFlags |= flags;
        LinuxNative.TcSetAttr(fd, LinuxNative.TcsaNow, &termios);
        LinuxNative.Close(fd);
    }

    private static unsafe (uint InputFlags, uint Speed) ReadSlave(string path)
    {
        var fd = OpenSlave(path);
        LinuxNative.Termios termios;
        LinuxNative.TcGetAttr(fd, &termios);
        LinuxNative.Close(fd);
        return (termios.InputFlags, termios.OutputSpeed);
    }

    private static int OpenSlave(string path)
    {
        var fd = LinuxNative.Open(path, LinuxNative.ORdWr | LinuxNative.ONoCtty | LinuxNative.ONonBlock);
        Assert.That(fd, Is.GreaterThanOrEqualTo(0), $"open {path}");
        return fd;
    }

    /// <summary>A pseudo-terminal whose master nobody reads: the slave's output buffer fills up.</summary>
    private static unsafe (int Master, string Slave) OpenPty()
    {
        var master = LinuxNative.Open("/dev/ptmx", LinuxNative.ORdWr | LinuxNative.ONoCtty);
        Assert.That(master, Is.GreaterThanOrEqualTo(0), "open /dev/ptmx");
        int number = 0, unlock = 0;
        Assert.That(LinuxNative.Ioctl(master, 0x80045430UL, &number), Is.Zero, "TIOCGPTN");
        Assert.That(LinuxNative.Ioctl(master, 0x40045431UL, &unlock), Is.Zero, "TIOCSPTLCK");
        return (master, $"/dev/pts/{number}");
    }
}
