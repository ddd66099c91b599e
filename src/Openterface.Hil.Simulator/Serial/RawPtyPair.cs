using System.Runtime.InteropServices;
using System.Text;

namespace Openterface.Hil.Simulator;

/// <summary>Opens a pseudo-terminal master and one raw slave descriptor: the one way both simulator ptys start.</summary>
internal static unsafe class RawPtyPair
{
    /// <summary>
    /// Opens a master with <paramref name="masterFlags"/> added, then opens its slave and sets it raw.
    /// <paramref name="what"/> names the pty in errors ("pseudo-terminal", "console pseudo-terminal").
    /// </summary>
    public static (int Master, int Slave, string SlavePath) Open(int masterFlags, string what)
    {
        var master = PtyNative.PosixOpenPt(PtyNative.ORdWr | PtyNative.ONoCtty | PtyNative.OCloExec | masterFlags);
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
                throw new IOException($"Setting up the {what} failed (errno {errno}).");
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
        return (master, slave, path);
    }
}
