using System.CommandLine;
using System.Text.Json;
using Openterface.Hil.Protocol;

namespace Openterface.Hil.Cli.Commands;

/// <summary>`hil info --serial URI [--json]`: chip version, target USB enumerated, Num/Caps/Scroll LEDs.</summary>
internal sealed class InfoCommand : ICommandFactory
{
    public Command Create()
    {
        var serial = InputOptions.Serial();
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("info", "Show the CH9329's version, whether the target enumerated it, and the lock LEDs.");
        command.Options.Add(serial);
        command.Options.Add(json);
        command.SetAction((parse, ct) => InputOptions.RunAsync(async () =>
        {
            var kvm = await InputOptions.ConnectAsync(parse.GetValue(serial)!, null, ct).ConfigureAwait(false);
            await using var disposeKvm = kvm.ConfigureAwait(false);
            var info = await kvm.GetInfoAsync(ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    serial = kvm.SerialUri,
                    baud = kvm.BaudRate,
                    chip = kvm.Chip.ToString(),
                    serialUsbId = kvm.Discovered?.SerialUsbId,
                    usbPort = kvm.Discovered?.UsbPort,
                    video = kvm.Discovered?.VideoPath,
                    videoUsbId = kvm.Discovered?.VideoUsbId,
                    hidraw = kvm.Discovered?.HidrawPath,
                    generation = kvm.Discovered?.Generation,
                    version = info.VersionText,
                    versionByte = info.Version,
                    targetEnumerated = info.TargetEnumerated,
                    leds = new
                    {
                        num = info.Leds.HasFlag(LockLeds.NumLock),
                        caps = info.Leds.HasFlag(LockLeds.CapsLock),
                        scroll = info.Leds.HasFlag(LockLeds.ScrollLock),
                    },
                }));
            }
            else
            {
                Console.WriteLine($"serial            {kvm.SerialUri} @ {kvm.BaudRate} baud");
                Console.WriteLine($"control chip      {kvm.Chip}{(kvm.Discovered is { } unit ? $" ({unit.SerialUsbId} at USB port {unit.UsbPort}, {unit.Generation})" : string.Empty)}");
                Console.WriteLine($"video             {kvm.Discovered?.VideoPath ?? "(not paired: pass --video)"}");
                Console.WriteLine($"chip version      {info.VersionText}");
                Console.WriteLine($"target USB        {(info.TargetEnumerated ? "enumerated" : "NOT enumerated (check the target-side cable)")}");
                Console.WriteLine($"LEDs              num {OnOff(info.Leds, LockLeds.NumLock)}, caps {OnOff(info.Leds, LockLeds.CapsLock)}, scroll {OnOff(info.Leds, LockLeds.ScrollLock)}");
            }

            return 0;
        }));
        return command;
    }

    private static string OnOff(LockLeds leds, LockLeds flag) => leds.HasFlag(flag) ? "on" : "off";
}
