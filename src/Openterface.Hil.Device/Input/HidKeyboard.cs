using Microsoft.Extensions.Logging;
using Openterface.Hil.Protocol;

namespace Openterface.Hil.Device;

/// <summary>
/// The target's keyboard through the CH9329. Every report carries the full key state (held modifiers and up to six
/// keys), so a retried report is idempotent. Every method releases what it pressed on every exit path (success,
/// exception, cancellation); <see cref="MiniKvm"/> also releases all on dispose and at process exit.
/// </summary>
public sealed class HidKeyboard
{
    private readonly Ch9329Link _link;
    private readonly Func<KeyPacing> _pacing;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<HidUsage> _held = [];
    private KeyModifiers _heldModifiers;

    internal HidKeyboard(Ch9329Link link, Func<KeyPacing> pacing, TimeProvider time, ILogger logger, KeyboardLayout layout)
    {
        _link = link;
        _pacing = pacing;
        _time = time;
        _logger = logger;
        Layout = layout;
    }

    /// <summary>The target's layout used by <see cref="TypeAsync"/> when none is given. Default US.</summary>
    public KeyboardLayout Layout { get; set; }

    /// <summary>Presses the chord ("ctrl+alt+delete", "enter", "shift+f10") and releases it.</summary>
    public Task PressAsync(string chord, CancellationToken cancellationToken = default) => PressAsync(KeyChord.Parse(chord), cancellationToken);

    public async Task PressAsync(KeyChord chord, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chord);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var pacing = _pacing();
            await SendAsync(_heldModifiers | chord.Modifiers, _held.Concat(chord.Keys.Where(k => !_held.Contains(k))), cancellationToken).ConfigureAwait(false);
            await DelayAsync(pacing.Hold, cancellationToken).ConfigureAwait(false);
            await SendAsync(_heldModifiers, _held, cancellationToken).ConfigureAwait(false);
            await DelayAsync(pacing.Gap, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ReleaseAfterFailureAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Presses and holds the chord until <see cref="UpAsync"/> or <see cref="ReleaseAllAsync"/>.</summary>
    public async Task DownAsync(string chord, CancellationToken cancellationToken = default)
    {
        var parsed = KeyChord.Parse(chord);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var keys = _held.Concat(parsed.Keys.Where(k => !_held.Contains(k))).ToList();
            if (keys.Count > KeyboardReport.MaxKeys)
            {
                throw new ArgumentException($"Holding '{chord}' would hold {keys.Count} keys; the CH9329 reports at most {KeyboardReport.MaxKeys}.", nameof(chord));
            }

            await SendAsync(_heldModifiers | parsed.Modifiers, keys, cancellationToken).ConfigureAwait(false);
            _heldModifiers |= parsed.Modifiers;
            _held.Clear();
            _held.AddRange(keys);
        }
        catch (Exception e) when (e is not ArgumentException)
        {
            await ReleaseAfterFailureAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Releases the keys of the chord that are held; others stay down.</summary>
    public async Task UpAsync(string chord, CancellationToken cancellationToken = default)
    {
        var parsed = KeyChord.Parse(chord);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var modifiers = _heldModifiers & ~parsed.Modifiers;
            var keys = _held.Where(k => !parsed.Keys.Contains(k)).ToList();
            await SendAsync(modifiers, keys, cancellationToken).ConfigureAwait(false);
            _heldModifiers = modifiers;
            _held.Clear();
            _held.AddRange(keys);
        }
        catch
        {
            await ReleaseAfterFailureAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Types <paramref name="text"/> with the target's layout (Shift/AltGr and dead keys as needed; '\n' Enter,
    /// '\t' Tab). With <paramref name="secret"/> nothing of the text reaches logs or the transcript.
    /// </summary>
    public async Task TypeAsync(string text, KeyboardLayout? layout = null, bool secret = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var effective = layout ?? Layout;
        var strokes = effective.ToStrokes(text);
        SerialLog.Typing(_logger, text.Length, effective.Name);
        using var redaction = secret ? _link.RedactKeyboard() : null;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var sent = 0;
        try
        {
            var pacing = _pacing();
            var epoch = _link.Epoch;
            if (pacing.Window > 1)
            {
                await StreamAsync(strokes, pacing, epoch, done => sent = done, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                foreach (var stroke in strokes)
                {
                    await SendAsync(stroke.Modifiers, [stroke.Usage], cancellationToken).ConfigureAwait(false);
                    await DelayAsync(pacing.Hold, cancellationToken).ConfigureAwait(false);
                    await SendAsync(KeyModifiers.None, [], cancellationToken).ConfigureAwait(false);
                    ThrowIfReconnected(epoch, sent, strokes.Count);
                    sent++;
                    await DelayAsync(pacing.Gap, cancellationToken).ConfigureAwait(false);
                }
            }

            _held.Clear();
            _heldModifiers = KeyModifiers.None;
        }
        catch (DeviceException e) when (e.IsTransient)
        {
            await ReleaseAfterFailureAsync().ConfigureAwait(false);
            throw new DeviceException($"Typing failed after {sent} of {strokes.Count} keystrokes: {e.Message}", isTransient: false, e);
        }
        catch
        {
            await ReleaseAfterFailureAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Press and release reports for every stroke, pipelined <see cref="KeyPacing.Window"/> deep (see
    /// <see cref="Ch9329Link.SendKeyboardStreamAsync"/>); the hold comes before each release, the gap before each press.
    /// </summary>
    private async Task StreamAsync(IReadOnlyList<KeyStroke> strokes, KeyPacing pacing, int epoch, Action<int> progress, CancellationToken cancellationToken)
    {
        var reports = new KeyboardReport[strokes.Count * 2];
        for (var i = 0; i < strokes.Count; i++)
        {
            reports[2 * i] = new KeyboardReport(strokes[i].Modifiers, [(byte)strokes[i].Usage]);
            reports[(2 * i) + 1] = KeyboardReport.Released;
        }

        await _link.SendKeyboardStreamAsync(
            reports,
            pacing.Window,
            i => i == 0 ? TimeSpan.Zero : i % 2 == 1 ? pacing.Hold : pacing.Gap,
            resolved => progress(resolved / 2),
            cancellationToken).ConfigureAwait(false);
        ThrowIfReconnected(epoch, reports.Length / 2, strokes.Count);
    }

    private void ThrowIfReconnected(int epoch, int sent, int total)
    {
        if (_link.Epoch != epoch)
        {
            throw new DeviceException(
                $"The serial link to '{_link.Uri}' dropped and came back while typing (after {sent} of {total} keystrokes); the target may have missed keys. "
                + "All keys were released after the reconnect; check the target and type again.",
                isTransient: false);
        }
    }

    /// <summary>Sends the all-zero report: nothing held.</summary>
    public async Task ReleaseAllAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _held.Clear();
            _heldModifiers = KeyModifiers.None;
            await SendAsync(KeyModifiers.None, [], cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Release without the gate (used after a reconnect and at process exit).</summary>
    internal async Task ForceReleaseAsync(CancellationToken cancellationToken)
    {
        _held.Clear();
        _heldModifiers = KeyModifiers.None;
        await _link.RequestAsync(Ch9329Requests.Keyboard(KeyboardReport.Released), cancellationToken).ConfigureAwait(false);
    }

    private async Task ReleaseAfterFailureAsync()
    {
        _held.Clear();
        _heldModifiers = KeyModifiers.None;
        try
        {
            await _link.RequestAsync(Ch9329Requests.Keyboard(KeyboardReport.Released), CancellationToken.None).ConfigureAwait(false);
        }
        catch (HilException e)
        {
            // The link may be gone; MiniKvm releases again after it reconnects.
            SerialLog.ReleaseFailed(_logger, _link.Uri, e.Message);
        }
    }

    private Task SendAsync(KeyModifiers modifiers, IEnumerable<HidUsage> keys, CancellationToken cancellationToken) =>
        _link.RequestAsync(Ch9329Requests.Keyboard(new KeyboardReport(modifiers, keys.Select(k => (byte)k).ToArray())), cancellationToken);

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, _time, cancellationToken) : Task.CompletedTask;
}
