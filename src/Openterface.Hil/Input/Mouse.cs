using System.Drawing;
using System.Globalization;
using Openterface.Hil.Imaging;
using Openterface.Hil.Protocol;

namespace Openterface.Hil;

/// <summary>
/// The absolute HID mouse. Coordinates are frame pixels (as in screenshots and locator bounds), mapped to the
/// target's picture inside the captured frame, so letterboxing never shifts a click.
/// </summary>
public sealed class Mouse
{
    private readonly RigActions _actions;
    private readonly ScreenService _screen;
    private readonly IMousePort _port;

    /// <summary>Buttons pressed with <see cref="DownAsync"/> and not released yet (released at dispose).</summary>
    private readonly HashSet<MouseButton> _held = [];

    internal Mouse(RigActions actions, IMousePort port)
    {
        _actions = actions;
        _screen = actions.Screen;
        _port = port;
    }

    public async Task MoveAsync(int x, int y, CancellationToken cancellationToken = default)
    {
        using var frame = await CurrentFrameAsync(cancellationToken).ConfigureAwait(false);
        var (dx, dy) = PointerMapping.ToDevice(new Point(x, y), frame);
        await _actions.ActAsync($"Move mouse to {x},{y}", Position(x, y), $"Move mouse to {x},{y}", InputKind.Mouse,
            ct => _port.MoveToAsync(dx, dy, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Relative move in HID counts (dx right, dy down), sent as CH9329 relative reports of at most 127 counts each.
    /// The target's pointer speed and acceleration decide how many pixels that is: use it where a target ignores the
    /// absolute pointer (some BIOS setups, games), and <see cref="MoveAsync"/> to reach a known pixel.
    /// </summary>
    public Task MoveByAsync(int dx, int dy, CancellationToken cancellationToken = default)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{dx},{dy}");
        return _actions.ActAsync($"Move mouse by {text}", new Dictionary<string, string> { ["dx"] = dx.ToString(CultureInfo.InvariantCulture), ["dy"] = dy.ToString(CultureInfo.InvariantCulture) },
            $"Move mouse by {text}", InputKind.Mouse, ct => _port.MoveByAsync(dx, dy, ct), cancellationToken);
    }

    /// <summary>Moves to the point and clicks.</summary>
    public async Task ClickAsync(int x, int y, MouseButton button = MouseButton.Left, CancellationToken cancellationToken = default)
    {
        using var frame = await CurrentFrameAsync(cancellationToken).ConfigureAwait(false);
        await ClickAtAsync(new Point(x, y), frame, button, cancellationToken).ConfigureAwait(false);
    }

    public Task DownAsync(MouseButton button = MouseButton.Left, CancellationToken cancellationToken = default) =>
        _actions.ActAsync($"Mouse down {Name(button)}", Button(button), $"Mouse down {Name(button)}", InputKind.Mouse,
            async ct =>
            {
                await _port.ButtonAsync(button, KeyAction.Down, ct).ConfigureAwait(false);
                lock (_held)
                {
                    _held.Add(button);
                }
            }, cancellationToken);

    public Task UpAsync(MouseButton button = MouseButton.Left, CancellationToken cancellationToken = default) =>
        _actions.ActAsync($"Mouse up {Name(button)}", Button(button), $"Mouse up {Name(button)}", InputKind.Mouse,
            async ct =>
            {
                await _port.ButtonAsync(button, KeyAction.Up, ct).ConfigureAwait(false);
                lock (_held)
                {
                    _held.Remove(button);
                }
            }, cancellationToken);

    /// <summary>Wheel ticks at the current position; positive scrolls up, negative down.</summary>
    public Task ScrollAsync(int ticks, CancellationToken cancellationToken = default)
    {
        var text = ticks.ToString(CultureInfo.InvariantCulture);
        return _actions.ActAsync($"Scroll {text}", new Dictionary<string, string> { ["ticks"] = text }, $"Scroll {text}", InputKind.Mouse,
            ct => _port.ScrollAsync(ticks, ct), cancellationToken);
    }

    internal Task ClickAtAsync(Point point, Frame frame, MouseButton button, CancellationToken cancellationToken)
    {
        var (dx, dy) = PointerMapping.ToDevice(point, frame);
        var action = $"Click {Name(button)} at {point.X},{point.Y}";
        var parameters = Position(point.X, point.Y);
        parameters["button"] = Name(button);
        return _actions.ActAsync(action, parameters, action, InputKind.Mouse, async ct =>
        {
            await _port.MoveToAsync(dx, dy, ct).ConfigureAwait(false);
            await _port.ButtonAsync(button, KeyAction.Press, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    private Task<Frame> CurrentFrameAsync(CancellationToken cancellationToken) =>
        _screen.CurrentFrameAsync("Mouse (mapping pixels to the target)", cancellationToken);

    /// <summary>Releases held mouse buttons, ignoring failures (at dispose).</summary>
    internal async Task ReleaseHeldQuietlyAsync()
    {
        MouseButton[] held;
        lock (_held)
        {
            held = [.. _held];
            _held.Clear();
        }

        foreach (var button in held)
        {
            try
            {
                await _port.ButtonAsync(button, KeyAction.Up, CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Best effort at dispose.
            catch (Exception e)
#pragma warning restore CA1031
            {
                OperatorLog.ReleaseFailed(_actions.Session.Logger, e);
            }
        }
    }

    private static string Name(MouseButton button) => button.ToString().ToLowerInvariant();

    private static Dictionary<string, string> Position(int x, int y) => new()
    {
        ["x"] = x.ToString(CultureInfo.InvariantCulture),
        ["y"] = y.ToString(CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> Button(MouseButton button) => new() { ["button"] = Name(button) };
}
