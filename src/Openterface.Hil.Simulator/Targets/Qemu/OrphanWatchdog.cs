using System.Diagnostics;

namespace Openterface.Hil.Simulator;

/// <summary>
/// Cleans up after a host process that dies without running any code (SIGKILL, OOM killer): a small
/// <c>/bin/sh</c> in its own session reads a pipe whose only writer is this process. The kernel closes that pipe when
/// the host dies, however it dies; the shell then kills the QEMU named by the work folder's pid file (after checking
/// its command line names the folder's QMP socket, so a reused pid is never hit), deletes the host's screen dumps in /dev/shm and,
/// when the host created it, the work folder. A clean dispose writes "done" first and the shell exits doing nothing.
/// (PR_SET_PDEATHSIG cannot do this: it fires when the forking thread ends, which in .NET is any pool thread, and it
/// would leave the work folder and the dumps.)
/// </summary>
internal sealed class OrphanWatchdog : IDisposable
{
    private const string Script = """
        exec >/dev/null 2>&1
        IFS= read -r line
        [ "$line" = done ] && exit 0
        pid=$(cat "$1/qemu.pid")
        if [ -n "$pid" ] && tr '\0' '\n' < "/proc/$pid/cmdline" | grep -qF -- "$1/qmp.sock"; then
          kill -9 "$pid"
          i=0; while [ -e "/proc/$pid" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
        fi
        rm -f /dev/shm/hil-screendump-"$2"-*.ppm
        [ "$3" = owned ] && rm -rf -- "$1"
        exit 0
        """;

    private readonly Process? _process;

    private OrphanWatchdog(Process? process) => _process = process;

    /// <summary>Where QEMU writes its pid (its <c>-pidfile</c>).</summary>
    public static string PidFilePath(string workDirectory) => Path.Combine(workDirectory, "qemu.pid");

    /// <summary>Starts the watchdog; when the shell cannot start, the target still works without it.</summary>
    public static OrphanWatchdog Start(string workDirectory, bool ownsWorkDirectory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return new OrphanWatchdog(null);
        }

        // setsid: its own session, so a signal to the host's process group (a runner stopping its children) does not
        // take the watchdog with it.
        var info = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "/bin/sh", "-c", Script, "hil-qemu-watchdog", workDirectory, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), ownsWorkDirectory ? "owned" : "given" })
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            return new OrphanWatchdog(Process.Start(info));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return new OrphanWatchdog(null);
        }
    }

    /// <summary>The watchdog's process id (tests), or null when none runs.</summary>
    public int? ProcessId => _process?.Id;

    /// <summary>The host cleaned up itself: the watchdog exits without touching anything.</summary>
    public void Dispose()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            _process.StandardInput.WriteLine("done");
            _process.StandardInput.Close();
            _process.WaitForExit(TimeSpan.FromSeconds(2));
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // The watchdog is already gone.
        }

        _process.Dispose();
    }
}
