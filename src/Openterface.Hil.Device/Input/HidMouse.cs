using Openterface.Hil.Protocol;

namespace Openterface.Hil.Device;

/// <summary>
/// The target's mouse through the CH9329. Positions are absolute device units 0..4096 over the whole target screen
/// (use <see cref="AbsolutePointer.FromPixel"/> for pixels). Buttons held are carried in every report.
/// </summary>
public sealed class HidMouse
{
    private readonly Ch9329Link _link;
    private readonly Func<KeyPacing> _pacing;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private MouseButton _buttons;

    internal HidMouse(Ch9329Link link, Func<KeyPacing> pacing, TimeProvider time)
    {
        _link = link;
        _pacing = pacing;
        _time = time;
    }

    /// <summary>Last absolute position sent (device units), or null before the first move.</summary>
    public (int X, int Y)? Position { get; private set; }

    public MouseButton Buttons => _buttons;

    public Task MoveToAsync(int x, int y, CancellationToken cancellationToken = default) =>
        RunAsync(async ct =>
        {
            var target = (Math.Clamp(x, 0, AbsolutePointer.Max), Math.Clamp(y, 0, AbsolutePointer.Max));
            await _link.RequestAsync(Ch9329Requests.MouseAbsolute(target.Item1, target.Item2, _buttons), ct).ConfigureAwait(false);
            Position = target;
        }, cancellationToken);

    /// <summary>Relative move (dy positive = down), split into steps of at most 127.</summary>
    public Task MoveByAsync(int dx, int dy, CancellationToken cancellationToken = default) =>
        RunAsync(async ct =>
        {
            Position = null;
            var first = true;
            while (first || dx != 0 || dy != 0)
            {
                first = false;
                var stepX = (sbyte)Math.Clamp(dx, -127, 127);
                var stepY = (sbyte)Math.Clamp(dy, -127, 127);
                await _link.SendOnceAsync(Ch9329Requests.MouseRelative(stepX, stepY, _buttons), ct).ConfigureAwait(false);
                dx -= stepX;
                dy -= stepY;
                if (dx != 0 || dy != 0)
                {
                    await DelayAsync(_pacing().MouseGap, ct).ConfigureAwait(false);
                }
            }
        }, cancellationToken);

    public Task ClickAsync(MouseButton button = MouseButton.Left, CancellationToken cancellationToken = default) =>
        RunAsync(async ct =>
        {
            try
            {
                await SendButtonsAsync(_buttons | button, ct).ConfigureAwait(false);
                await DelayAsync(_pacing().Hold, ct).ConfigureAwait(false);
            }
            finally
            {
                await SendButtonsAsync(_buttons & ~button, CancellationToken.None).ConfigureAwait(false);
            }

            await DelayAsync(_pacing().Gap, ct).ConfigureAwait(false);
        }, cancellationToken);

    public Task DownAsync(MouseButton button, CancellationToken cancellationToken = default) =>
        RunAsync(ct => SendButtonsAsync(_buttons | button, ct), cancellationToken);

    public Task UpAsync(MouseButton button, CancellationToken cancellationToken = default) =>
        RunAsync(ct => SendButtonsAsync(_buttons & ~button, ct), cancellationToken);

    /// <summary>Wheel ticks: positive scrolls up, negative down.</summary>
    public Task ScrollAsync(int ticks, CancellationToken cancellationToken = default) =>
        RunAsync(async ct =>
        {
            while (ticks != 0)
            {
                var step = (sbyte)Math.Clamp(ticks, -127, 127);
                await _link.SendOnceAsync(Ch9329Requests.MouseRelative(0, 0, _buttons, step), ct).ConfigureAwait(false);
                ticks -= step;
                if (ticks != 0)
                {
                    await DelayAsync(_pacing().MouseGap, ct).ConfigureAwait(false);
                }
            }
        }, cancellationToken);

    /// <summary>Releases every button (keeps the position).</summary>
    public Task ReleaseAllAsync(CancellationToken cancellationToken = default) => RunAsync(ct => SendButtonsAsync(MouseButton.None, ct), cancellationToken);

    /// <summary>
    /// Releases the buttons on both HID pointers: the absolute one (report 02, which carries the buttons after
    /// <see cref="MoveToAsync"/>) and the relative one (report 01). The absolute report needs a position: the last one
    /// sent. When this connection never sent one, the absolute pointer holds nothing of ours (connect released it) and
    /// is left alone, so ending a session that never moved does not jump the target's cursor to the origin.
    /// </summary>
    internal async Task ForceReleaseAsync(CancellationToken cancellationToken)
    {
        _buttons = MouseButton.None;
        if (Position is { } p)
        {
            await _link.RequestAsync(Ch9329Requests.MouseAbsolute(p.X, p.Y), cancellationToken).ConfigureAwait(false);
        }

        await _link.RequestAsync(Ch9329Requests.MouseRelative(0, 0), cancellationToken).ConfigureAwait(false);
    }

    private async Task SendButtonsAsync(MouseButton buttons, CancellationToken cancellationToken)
    {
        var frame = Position is { } p
            ? Ch9329Requests.MouseAbsolute(p.X, p.Y, buttons)
            : Ch9329Requests.MouseRelative(0, 0, buttons);
        await _link.RequestAsync(frame, cancellationToken).ConfigureAwait(false);
        _buttons = buttons;
    }

    private async Task RunAsync(Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await action(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, _time, cancellationToken) : Task.CompletedTask;
}
