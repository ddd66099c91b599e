using System.Collections.Concurrent;
using System.Diagnostics;

namespace Openterface.Hil.Simulator;

/// <summary>
/// QEMU processes this process started and has not reaped: killed when the host process exits (Ctrl+C on
/// `hil sim`, a test runner stopping) so no virtual target outlives its harness.
/// </summary>
internal static class LiveProcesses
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private static int _hooked;

    public static void Track(Process process)
    {
        if (Interlocked.Exchange(ref _hooked, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        }

        Running[process.Id] = process;
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => Running.TryRemove(process.Id, out _);
    }

    private static void KillAll()
    {
        foreach (var process in Running.Values)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }
}
