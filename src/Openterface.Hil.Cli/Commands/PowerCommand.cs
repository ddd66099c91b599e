using System.CommandLine;

namespace Openterface.Hil.Cli.Commands;

/// <summary>`hil power --power URI on|off|reset|cycle`: the rig's power switch (a relay script, a smart plug, QEMU's QMP).</summary>
internal sealed class PowerCommand : ICommandFactory
{
    public Command Create()
    {
        var power = new Option<string>("--power")
        {
            Description = "Power switch URI: 'shell:./plug.sh {state}' (called with on, off, reset) or 'qmp:///path/qmp.sock' (the qmp path 'hil sim --json' prints).",
            Required = true,
        };
        var offTime = new Option<double>("--off-time")
        {
            Description = "Seconds to stay off during 'cycle' (default 2).",
            DefaultValueFactory = _ => 2,
        };
        var action = new Argument<string>("action") { Description = "on, off, reset or cycle (off, wait, on)." };
        action.AcceptOnlyFromAmong("on", "off", "reset", "cycle");
        var command = new Command("power", "Switch the target's power: on, off, reset, or cycle.") { power, offTime };
        command.Arguments.Add(action);
        command.SetAction((parse, ct) => InputOptions.RunAsync(async () =>
        {
            var seconds = parse.GetValue(offTime);
            if (seconds is < 0 or > 600)
            {
                throw new ArgumentException($"--off-time {seconds}: use 0 to 600 seconds.");
            }

            var uri = parse.GetValue(power)!;
            var powerSwitch = PowerUris.Open(uri, TimeProvider.System)
                ?? throw new ArgumentException($"--power '{uri}' switches nothing. Pass 'shell:COMMAND {{state}}' or 'qmp:///path/qmp.sock'.");
            try
            {
                switch (parse.GetValue(action))
                {
                    case "on":
                        await powerSwitch.PowerOnAsync(ct).ConfigureAwait(false);
                        break;
                    case "off":
                        await powerSwitch.PowerOffAsync(ct).ConfigureAwait(false);
                        break;
                    case "reset":
                        await powerSwitch.ResetAsync(ct).ConfigureAwait(false);
                        break;
                    default:
                        await powerSwitch.PowerOffAsync(ct).ConfigureAwait(false);
                        await Task.Delay(TimeSpan.FromSeconds(seconds), ct).ConfigureAwait(false);
                        await powerSwitch.PowerOnAsync(ct).ConfigureAwait(false);
                        break;
                }
            }
            finally
            {
                if (powerSwitch is IAsyncDisposable disposable)
                {
                    await disposable.DisposeAsync().ConfigureAwait(false);
                }
            }

            Console.WriteLine($"power {parse.GetValue(action)}");
            return 0;
        }));
        return command;
    }
}
