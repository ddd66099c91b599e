using Microsoft.Extensions.Logging;
using Openterface.Hil.Protocol;

namespace Openterface.Hil.Device;

/// <summary>
/// The target's media and ACPI keys through the CH9329's command 03 (reference §2.6): each press sends the key's
/// report, holds it for the pacing's hold time and sends the empty report of the same kind, also on failure.
/// </summary>
public sealed class HidMediaKeys
{
    private readonly Ch9329Link _link;
    private readonly Func<KeyPacing> _pacing;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);

    internal HidMediaKeys(Ch9329Link link, Func<KeyPacing> pacing, TimeProvider time, ILogger logger)
    {
        _link = link;
        _pacing = pacing;
        _time = time;
        _logger = logger;
    }

    /// <summary>Presses and releases media keys ("volume-up": <see cref="MediaKeyNames.Parse"/>).</summary>
    public Task PressAsync(MediaKeys keys, CancellationToken cancellationToken = default) =>
        PressAsync(Ch9329Requests.Media(keys), Ch9329Requests.Media(MediaKeys.None), cancellationToken);

    /// <summary>Presses and releases ACPI keys (power, sleep, wake-up).</summary>
    public Task PressAcpiAsync(AcpiKeys keys, CancellationToken cancellationToken = default) =>
        PressAsync(Ch9329Requests.Acpi(keys), Ch9329Requests.Acpi(AcpiKeys.None), cancellationToken);

    private async Task PressAsync(Ch9329Frame press, Ch9329Frame release, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var pacing = _pacing();
            await _link.RequestAsync(press, cancellationToken).ConfigureAwait(false);
            await Task.Delay(pacing.Hold, _time, cancellationToken).ConfigureAwait(false);
            await _link.RequestAsync(release, cancellationToken).ConfigureAwait(false);
            await Task.Delay(pacing.Gap, _time, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            try
            {
                await _link.RequestAsync(release, CancellationToken.None).ConfigureAwait(false);
            }
            catch (HilException e)
            {
                SerialLog.ReleaseFailed(_logger, _link.Uri, e.Message);
            }

            throw;
        }
        finally
        {
            _gate.Release();
        }
    }
}
