using System.CommandLine;
using System.Drawing;
using System.Globalization;
using Openterface.Hil.Device;
using Openterface.Hil.Protocol;

namespace Openterface.Hil.Cli.Commands;

/// <summary>`hil mouse --serial URI move X Y | click [left|right|middle] [X Y] | scroll N` in pixels of --screen WxH.</summary>
internal sealed class MouseCommand : ICommandFactory
{
    public Command Create()
    {
        var serial = InputOptions.Serial();
        serial.Recursive = true;
        var screen = new Option<string>("--screen") { Description = "Target screen size WxH the pixel coordinates refer to.", DefaultValueFactory = _ => "1920x1080", Recursive = true };
        var command = new Command("mouse", "Move, click or scroll the target's mouse (coordinates in pixels of --screen).");
        command.Options.Add(serial);
        command.Options.Add(screen);

        var moveX = new Argument<int>("x");
        var moveY = new Argument<int>("y");
        var move = new Command("move", "Move the pointer to pixel X,Y.") { Arguments = { moveX, moveY } };
        move.SetAction((parse, ct) => WithMouseAsync(parse, serial, screen, ct, (mouse, size) =>
            MoveAsync(mouse, size, parse.GetValue(moveX), parse.GetValue(moveY), ct)));

        var button = new Argument<string>("button") { Description = "left, right or middle.", DefaultValueFactory = _ => "left" };
        button.AcceptOnlyFromAmong("left", "right", "middle");
        var clickX = new Argument<int?>("x") { Arity = ArgumentArity.ZeroOrOne };
        var clickY = new Argument<int?>("y") { Arity = ArgumentArity.ZeroOrOne };
        var click = new Command("click", "Click a button, optionally after moving to pixel X,Y.") { Arguments = { button, clickX, clickY } };
        click.SetAction((parse, ct) => WithMouseAsync(parse, serial, screen, ct, async (mouse, size) =>
        {
            if (parse.GetValue(clickX) is { } x)
            {
                var y = parse.GetValue(clickY) ?? throw new ArgumentException("Give both X and Y, or neither.");
                await MoveAsync(mouse, size, x, y, ct).ConfigureAwait(false);
            }

            var which = parse.GetValue(button) switch
            {
                "right" => Protocol.MouseButton.Right,
                "middle" => Protocol.MouseButton.Middle,
                _ => Protocol.MouseButton.Left,
            };
            await mouse.ClickAsync(which, ct).ConfigureAwait(false);
        }));

        var ticks = new Argument<int>("n") { Description = "Wheel ticks: positive up, negative down." };
        var scroll = new Command("scroll", "Scroll the wheel N ticks.") { Arguments = { ticks } };
        scroll.SetAction((parse, ct) => WithMouseAsync(parse, serial, screen, ct, (mouse, _) => mouse.ScrollAsync(parse.GetValue(ticks), ct)));

        command.Subcommands.Add(move);
        command.Subcommands.Add(click);
        command.Subcommands.Add(scroll);
        return command;
    }

    private static Task MoveAsync(HidMouse mouse, Size screen, int x, int y, CancellationToken ct)
    {
        var (ux, uy) = AbsolutePointer.FromPixel(new Point(x, y), screen);
        return mouse.MoveToAsync(ux, uy, ct);
    }

    private static Task<int> WithMouseAsync(ParseResult parse, Option<string> serial, Option<string> screen, CancellationToken ct, Func<HidMouse, Size, Task> action) =>
        InputOptions.RunAsync(async () =>
        {
            var size = ParseSize(parse.GetValue(screen)!);
            var kvm = await InputOptions.ConnectAsync(parse.GetValue(serial)!, null, ct).ConfigureAwait(false);
            await using var disposeKvm = kvm.ConfigureAwait(false);
            await action(kvm.Mouse, size).ConfigureAwait(false);
            return 0;
        });

    internal static Size ParseSize(string text)
    {
        var parts = text.Split('x', 'X');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            && w > 0 && h > 0)
        {
            return new Size(w, h);
        }

        throw new ArgumentException($"Screen size '{text}' is not WxH, e.g. 1920x1080.");
    }
}
