using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Openterface.Hil.Farm.Tests;

/// <summary>
/// ser2net (Debian's package) in the foreground, publishing one serial device as raw TCP on loopback, the way a
/// board host publishes its Mini-KVM's serial port.
/// </summary>
internal sealed class Ser2Net : IDisposable
{
    public const string Executable = "/usr/sbin/ser2net";

    private readonly Process process;
    private readonly string folder;

    private Ser2Net(Process process, string folder, int port)
    {
        this.process = process;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static void Require()
    {
        if (!File.Exists(Executable))
        {
            Assert.Ignore("ser2net is not installed (ci/setup installs the Debian package ser2net).");
        }
    }

    /// <summary>Publishes <paramref name="device"/> at <paramref name="baud"/> 8N1 on a free loopback port and waits until it accepts.</summary>
    public static async Task<Ser2Net> StartAsync(string device, int baud, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("hil-ser2net-").FullName;
        var port = FreePort();
        var config = Path.Combine(folder, "ser2net.yaml");
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $"""
            connection: &kvm
              accepter: tcp,127.0.0.1,{port}
              connector: serialdev,{device},{baud}n81,local
              options:
                kickolduser: true
            """), cancellationToken);
        var start = new ProcessStartInfo(Executable) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        // -u: no UUCP lock files. Pseudo-terminal numbers are reused, and a LCK..N left in /var/lock by another program
        // whose pid is alive again refuses the open; ser2net then drops the connection, which looks like a silent chip.
        foreach (var argument in new[] { "-n", "-u", "-c", config, "-d" })
        {
            start.ArgumentList.Add(argument);
        }

        var ser2net = new Ser2Net(Process.Start(start)!, folder, port);
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                if (ser2net.process.HasExited)
                {
                    Assert.Fail($"ser2net exited ({ser2net.process.ExitCode}): {await ser2net.process.StandardError.ReadToEndAsync(cancellationToken)}");
                }

                using var probe = new TcpClient();
                try
                {
                    await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    return true;
                }
                catch (SocketException)
                {
                    return false;
                }
            }, accepted => accepted, TimeSpan.FromSeconds(60), "ser2net accepting on its port");
            return ser2net;
        }
        catch
        {
            ser2net.Dispose();
            throw;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
