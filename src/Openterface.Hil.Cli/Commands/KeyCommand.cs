using System.CommandLine;
using Openterface.Hil.Protocol;

namespace Openterface.Hil.Cli.Commands;

/// <summary>`hil key --serial URI CHORD...`: press and release each chord in turn (ctrl+alt+delete, enter, f2).</summary>
internal sealed class KeyCommand : ICommandFactory
{
    public Command Create()
    {
        var serial = InputOptions.Serial();
        var pacing = InputOptions.Pacing();
        var chords = new Argument<string[]>("chord") { Description = "Chords such as ctrl+alt+delete, enter, f2, shift+tab.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("key", "Press key chords on the target, one after another.");
        command.Options.Add(serial);
        command.Options.Add(pacing);
        command.Arguments.Add(chords);
        command.SetAction((parse, ct) => InputOptions.RunAsync(async () =>
        {
            var parsed = parse.GetValue(chords)!.Select(KeyChord.Parse).ToList();
            var kvm = await InputOptions.ConnectAsync(parse.GetValue(serial)!, InputOptions.ParsePacing(parse.GetValue(pacing)), ct).ConfigureAwait(false);
            await using var disposeKvm = kvm.ConfigureAwait(false);
            foreach (var chord in parsed)
            {
                await kvm.Keyboard.PressAsync(chord, ct).ConfigureAwait(false);
            }

            return 0;
        }));
        return command;
    }
}
