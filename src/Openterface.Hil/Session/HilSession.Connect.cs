namespace Openterface.Hil;

/// <summary>Opening a session on a real rig or a virtual one.</summary>
public sealed partial class HilSession
{
    private static Func<string, CancellationToken, Task<VirtualRigEndpoints>>? s_virtualRigLauncher;

    /// <summary>
    /// Connects to the rig in <paramref name="options"/>: <see cref="HilOptions.Target"/> "sim:..." starts a virtual
    /// rig through the registered launcher; otherwise <see cref="HilOptions.Serial"/> and <see cref="HilOptions.Video"/>.
    /// </summary>
    public static Task<HilSession> ConnectAsync(HilOptions options, CancellationToken cancellationToken = default) =>
        ConnectAsync(options, RigConnector.Instance, cancellationToken);

    /// <summary>Connects through <paramref name="connector"/> (tests pass a fake rig's).</summary>
    internal static async Task<HilSession> ConnectAsync(HilOptions options, IRigConnector connector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connector);
        IAsyncDisposable? virtualRig = null;
        string? virtualConsole = null;
        RigEndpoints endpoints;
        if (options.Target is { } target && target.StartsWith("sim:", StringComparison.OrdinalIgnoreCase))
        {
            var launcher = Volatile.Read(ref s_virtualRigLauncher) ?? throw new InvalidOperationException(
                $"Target '{target}' needs the simulator: call HilSession.RegisterVirtualRigLauncher first " +
                "(Openterface.Hil.NUnit and the hil CLI do this for you).");
            var rig = await launcher(target, cancellationToken).ConfigureAwait(false);
            virtualRig = rig.Lifetime;
            virtualConsole = rig.ConsoleUri;
            endpoints = new RigEndpoints(rig.SerialUri, rig.VideoUri, options.PowerSwitch ?? rig.PowerSwitch, options.Power, options.Needles);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(options.Serial) || string.IsNullOrWhiteSpace(options.Video))
            {
                throw new ArgumentException(
                    "HilOptions needs Serial and Video URIs (\"auto\" finds a Mini-KVM) or a Target such as 'sim:console'.",
                    nameof(options));
            }

            endpoints = new RigEndpoints(options.Serial, options.Video, options.PowerSwitch, options.Power, options.Needles);
        }

        Device.ConsoleLink? console = null;
        try
        {
            console = await ConsoleConnector.OpenAsync(options, virtualConsole, cancellationToken).ConfigureAwait(false);
            var parts = await connector.ConnectAsync(endpoints, options, cancellationToken).ConfigureAwait(false);
            return new HilSession(parts, options, virtualRig, console);
        }
        catch
        {
            if (console is not null)
            {
                await console.DisposeAsync().ConfigureAwait(false);
            }

            if (virtualRig is not null)
            {
                await virtualRig.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>
    /// Registers what starts a virtual rig for "sim:qemu" / "sim:console" (the simulator cannot be referenced from
    /// here). The launcher gets the target name and returns URIs the session opens like a real rig's.
    /// </summary>
    public static void RegisterVirtualRigLauncher(Func<string, CancellationToken, Task<VirtualRigEndpoints>> launcher)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        Volatile.Write(ref s_virtualRigLauncher, launcher);
    }
}
