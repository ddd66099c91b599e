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
        var layout = new Option<string>("--layout") { Description = "The target's keyboard layout: us, uk, de, fr, es, it, sv, ja, dvorak.", DefaultValueFactory = _ => "us" };
        layout.AcceptOnlyFromAmong([.. KeyboardLayout.All.Select(l => l.Name), "gb", "se", "jp"]);
        var text = new Argument<string?>("text") { Description = "Text to type; \\n in the shell's string is Enter, \\t is Tab.", Arity = ArgumentArity.ZeroOrOne };
        var secretStdin = new Option<bool>("--secret-stdin")
        {
            Description = "Read the text from standard input (up to the first newline) instead of TEXT, so a secret stays out of the process list and shell history.",
        };
        var command = new Command("type", "Type text on the target with its keyboard layout (Shift, AltGr, dead keys as needed).");
        command.Options.Add(serial);
        command.Options.Add(layout);
        command.Options.Add(pacing);
        command.Options.Add(secretStdin);
        command.Arguments.Add(text);
        command.SetAction((parse, ct) => InputOptions.RunAsync(async () =>
        {
            var keyboard = KeyboardLayout.FromName(parse.GetValue(layout)!);
            var secret = parse.GetValue(secretStdin);
            var value = TextToType(parse.GetValue(text), secret);
            try
            {
                keyboard.ToStrokes(value);
            }
            catch (ArgumentException) when (secret)
            {
                throw new ArgumentException(
                    $"The secret from standard input has a character the '{parse.GetValue(layout)}' layout cannot type (not shown). " +
                    "Check the --layout or the secret.");
            }

            var kvm = await InputOptions.ConnectAsync(parse.GetValue(serial)!, InputOptions.ParsePacing(parse.GetValue(pacing)), ct).ConfigureAwait(false);
            await using var disposeKvm = kvm.ConfigureAwait(false);
            await kvm.Keyboard.TypeAsync(value, keyboard, cancellationToken: ct).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    /// <summary>TEXT, or with --secret-stdin the first line of standard input (without its line end); never both.</summary>
    internal static string TextToType(string? text, bool secretFromStdin)
    {
        if (secretFromStdin)
        {
            if (text is not null)
            {
                throw new ArgumentException("Give either TEXT or --secret-stdin, not both: a secret on the command line is visible to other users in the process list.");
            }

            return Console.In.ReadLine()
                ?? throw new ArgumentException("--secret-stdin got no input: pipe the secret in, e.g. 'pass show rig/bios | hil type --secret-stdin --serial URI'.");
        }

        return text ?? throw new ArgumentException("Give the TEXT to type, or --secret-stdin to read it from standard input.");
    }
}
