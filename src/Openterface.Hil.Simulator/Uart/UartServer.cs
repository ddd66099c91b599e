namespace Openterface.Hil.Simulator;

/// <summary>
/// The rig's console port: a target's UART exposed as a pseudo-terminal (a stable symlink, like /dev/serial/by-id)
/// or loopback raw TCP (like ser2net). <see cref="Unplug"/> and <see cref="Replug"/> are the fault knobs: unplugged,
/// the harness's port vanishes (pty hang-up and removed link, TCP connection closed and new ones refused) and the
/// target's output is lost, as with a USB-UART pulled out.
/// </summary>
public abstract class UartServer : IAsyncDisposable
{
    private int _unplugged;

    protected UartServer(ITargetUart target)
    {
        ArgumentNullException.ThrowIfNull(target);
        Target = target;
    }

    /// <summary>What a harness opens: a path (pty link) or "tcp://127.0.0.1:PORT".</summary>
    public abstract string Uri { get; }

    public bool Plugged => Volatile.Read(ref _unplugged) == 0;

    /// <summary>Whether a harness has the port open right now (output is delivered only then).</summary>
    public abstract bool HarnessConnected { get; }

    protected ITargetUart Target { get; }

    /// <summary>Starts a server for <paramref name="target"/>: TCP on <paramref name="tcpPort"/> (0 = any) when given, else a pty.</summary>
    public static UartServer Start(ITargetUart target, int? tcpPort = null) =>
        tcpPort is { } port ? new UartTcpServer(target, port) : new UartPtyServer(target);

    /// <summary>Pulls the console cable: the harness's port vanishes until <see cref="Replug"/>.</summary>
    public void Unplug()
    {
        if (Interlocked.Exchange(ref _unplugged, 1) == 0)
        {
            OnUnplug();
        }
    }

    /// <summary>Plugs the console back in (same URI).</summary>
    public void Replug()
    {
        if (Interlocked.Exchange(ref _unplugged, 0) == 1)
        {
            OnReplug();
        }
    }

    public abstract ValueTask DisposeAsync();

    protected abstract void OnUnplug();

    protected abstract void OnReplug();
}
