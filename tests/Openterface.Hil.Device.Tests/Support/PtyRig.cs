using Openterface.Hil.Protocol;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.Device.Tests;

/// <summary>An emulated CH9329 on a real pseudo-terminal, a recording target behind it, and a MiniKvm connected to it.</summary>
internal sealed class PtyRig : IAsyncDisposable
{
    private PtyRig(RecordingTarget target, Ch9329Emulator emulator, PtyCh9329Server server)
    {
        Target = target;
        Emulator = emulator;
        Server = server;
    }

    public RecordingTarget Target { get; }

    public Ch9329Emulator Emulator { get; }

    public PtyCh9329Server Server { get; }

    public MiniKvm Kvm { get; private set; } = null!;

    public static async Task<PtyRig> StartAsync(Action<MiniKvmOptions>? configure = null, Ch9329EmulatorOptions? chip = null, KeyboardLayout? layout = null)
    {
        var target = new RecordingTarget(layout);
        var emulator = new Ch9329Emulator(target, chip);
        var server = new PtyCh9329Server(emulator);
        var rig = new PtyRig(target, emulator, server);
        var options = new MiniKvmOptions
        {
            Pacing = KeyPacing.None,
            HeartbeatInterval = TimeSpan.Zero,
            ReplyTimeout = TimeSpan.FromMilliseconds(200),
            ReconnectInterval = TimeSpan.FromMilliseconds(20),
            SerialUriResolver = _ => ValueTask.FromResult(server.Path),
            Layout = layout,
        };
        configure?.Invoke(options);
        try
        {
            rig.Kvm = await MiniKvm.ConnectAsync(server.Path, options);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return rig;
    }

    public async ValueTask DisposeAsync()
    {
        if (Kvm is not null)
        {
            await Kvm.DisposeAsync();
        }

        await Server.DisposeAsync();
        await Target.DisposeAsync();
    }
}
