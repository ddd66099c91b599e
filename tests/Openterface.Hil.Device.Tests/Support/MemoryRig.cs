using Openterface.Hil.Protocol;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.Device.Tests;

/// <summary>MiniKvm on an in-memory emulator port, with a recording target.</summary>
internal sealed class MemoryRig : IAsyncDisposable
{
    private MemoryRig(RecordingTarget target, Ch9329Emulator emulator)
    {
        Target = target;
        Emulator = emulator;
    }

    public RecordingTarget Target { get; }

    public Ch9329Emulator Emulator { get; }

    public List<EmulatorPort> Ports { get; } = [];

    public MiniKvm Kvm { get; private set; } = null!;

    public static async Task<MemoryRig> StartAsync(Action<MiniKvmOptions>? configure = null, Ch9329EmulatorOptions? chip = null, KeyboardLayout? layout = null, string uri = "mem://ch9329")
    {
        var target = new RecordingTarget(layout);
        var rig = new MemoryRig(target, new Ch9329Emulator(target, chip));
        var options = new MiniKvmOptions
        {
            Pacing = KeyPacing.None,
            HeartbeatInterval = TimeSpan.Zero,
            ReplyTimeout = TimeSpan.FromMilliseconds(100),
            ReconnectInterval = TimeSpan.FromMilliseconds(10),
            SettleAfterOpen = TimeSpan.Zero,
            Layout = layout,
            OpenPort = (path, baud, _) =>
            {
                var port = new EmulatorPort(rig.Emulator, path, baud);
                rig.Ports.Add(port);
                return Task.FromResult<ISerialPort>(port);
            },
        };
        configure?.Invoke(options);
        rig.Kvm = await MiniKvm.ConnectAsync(uri, options);
        return rig;
    }

    public async ValueTask DisposeAsync()
    {
        await Kvm.DisposeAsync();
        await Target.DisposeAsync();
    }
}
