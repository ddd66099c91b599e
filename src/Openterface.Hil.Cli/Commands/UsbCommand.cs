using System.CommandLine;

namespace Openterface.Hil.Cli.Commands;

/// <summary>`hil usb --serial URI host|target|status`: the switchable USB-A port.</summary>
internal sealed class UsbCommand : ICommandFactory
{
    public Command Create()
    {
        var serial = InputOptions.Serial();
        var action = new Argument<string>("action") { Description = "host, target or status." };
        action.AcceptOnlyFromAmong("host", "target", "status");
        var command = new Command("usb", "Switch the Mini-KVM's USB-A port to the host or the target, or show where it is.");
        command.Options.Add(serial);
        command.Arguments.Add(action);
        command.SetAction((parse, ct) => InputOptions.RunAsync(async () =>
        {
            var kvm = await InputOptions.ConnectAsync(parse.GetValue(serial)!, null, ct).ConfigureAwait(false);
            await using var disposeKvm = kvm.ConfigureAwait(false);
            switch (parse.GetValue(action))
            {
                case "host":
                    await kvm.Usb.SwitchToHostAsync(ct).ConfigureAwait(false);
                    break;
                case "target":
                    await kvm.Usb.SwitchToTargetAsync(ct).ConfigureAwait(false);
                    break;
            }

            var position = await kvm.Usb.GetPositionAsync(ct).ConfigureAwait(false);
            Console.WriteLine($"usb {position.ToString().ToLowerInvariant()}");
            return 0;
        }));
        return command;
    }
}
