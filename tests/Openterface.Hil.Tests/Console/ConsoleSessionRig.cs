using Openterface.Hil.Simulator;

namespace Openterface.Hil.Tests.Console;

/// <summary>A virtual rig (console target, console over TCP) and a session connected to it through its URIs.</summary>
internal sealed class ConsoleSessionRig : IAsyncDisposable
{
    private ConsoleSessionRig(VirtualRig rig, HilSession session, RecordingSteps steps)
    {
        Rig = rig;
        Session = session;
        Steps = steps;
    }

    public VirtualRig Rig { get; }

    public HilSession Session { get; }

    public RecordingSteps Steps { get; }

    public static async Task<ConsoleSessionRig> StartAsync()
    {
        var rig = await VirtualRig.StartAsync(new VirtualRigOptions { Target = "console", ConsoleTcpPort = 0, PowerOnAtStart = false });
        try
        {
            var steps = new RecordingSteps();
            var session = await HilSession.ConnectAsync(new HilOptions
            {
                Serial = rig.SerialUri,
                Video = rig.VideoUri,
                Console = rig.ConsoleUri,
                PowerSwitch = new TargetPower(rig.Target),
                PowerCycleOffTime = TimeSpan.Zero,
                StepListeners = [steps],
            });
            for (var i = 0; i < 1500 && !rig.Console!.HarnessConnected; i++)
            {
                await Task.Delay(10);
            }

            return new ConsoleSessionRig(rig, session, steps);
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        await Rig.DisposeAsync();
    }

    private sealed class TargetPower(IVirtualTarget target) : Openterface.Hil.Device.IPowerSwitch
    {
        public Task PowerOnAsync(CancellationToken cancellationToken = default) => target.PowerAsync(VirtualPowerAction.On, cancellationToken).AsTask();

        public Task PowerOffAsync(CancellationToken cancellationToken = default) => target.PowerAsync(VirtualPowerAction.Off, cancellationToken).AsTask();

        public Task ResetAsync(CancellationToken cancellationToken = default) => target.PowerAsync(VirtualPowerAction.Reset, cancellationToken).AsTask();
    }
}

/// <summary>Step names and attachments as a reporter sees them.</summary>
internal sealed class RecordingSteps : IStepListener
{
    public List<string> Names { get; } = [];

    public List<StepAttachment> Attachments { get; } = [];

    public void OnStepStarted(StepInfo step)
    {
        lock (Names)
        {
            Names.Add(step.Name + " " + string.Join(' ', step.Parameters.Values));
        }
    }

    public void OnStepFinished(StepInfo step, StepOutcome outcome)
    {
        lock (Names)
        {
            Attachments.AddRange(outcome.Attachments);
        }
    }
}
