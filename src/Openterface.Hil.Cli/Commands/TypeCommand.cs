using System.CommandLine;
using Openterface.Hil.Protocol;

namespace Openterface.Hil.Cli.Commands;

/// <summary>`hil type --serial URI [--layout us|uk|de|fr] TEXT`: type text through the target's layout.</summary>
internal sealed class TypeCommand : ICommandFactory
{
    public Command Create()
    {
        var serial = InputOptions.Serial();
        var pacing = InputOptions.Pacing();
        var layout = new Option<string>("--layout") { Description = "The target's keyboard layout: us, uk, de, fr.", DefaultValueFactory = _ => "us" };
        layout.AcceptOnlyFromAmong("us", "uk", "gb", "de", "fr");
        var text = new Argument<string>("text") { Description = "Text to type; \\n in the shell's string is Enter, \\t is Tab." };
        var command = new Command("type", "Type text on the target with its keyboard layout (Shift, AltGr, dead keys as needed).");
        command.Options.Add(serial);
        command.Options.Add(layout);
        command.Options.Add(pacing);
        command.Arguments.Add(text);
        command.SetAction((parse, ct) => InputOptions.RunAsync(async () =>
        {
            var keyboard = KeyboardLayout.FromName(parse.GetValue(layout)!);
            var value = parse.GetValue(text)!;
            keyboard.ToStrokes(value);
            var kvm = await InputOptions.ConnectAsync(parse.GetValue(serial)!, InputOptions.ParsePacing(parse.GetValue(pacing)), ct).ConfigureAwait(false);
            await using var disposeKvm = kvm.ConfigureAwait(false);
            await kvm.Keyboard.TypeAsync(value, keyboard, cancellationToken: ct).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
