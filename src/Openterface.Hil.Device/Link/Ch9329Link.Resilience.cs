using Openterface.Hil.Protocol;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Openterface.Hil.Device;

/// <summary>The Polly pipeline (built once per link) and the chip procedures built on requests.</summary>
internal sealed partial class Ch9329Link
{
    internal static bool IsTransientFault(Exception error) => error switch
    {
        DeviceException device => device.IsTransient,
        ProtocolException { Error: ProtocolError.ErrorReply } reply =>
            reply.Status is Ch9329Status.Timeout or Ch9329Status.BadHeader or Ch9329Status.BadChecksum,
        ProtocolException => true,
        _ => false,
    };

    private ResiliencePipeline BuildPipeline() =>
        new ResiliencePipelineBuilder { TimeProvider = _options.TimeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransientFault),
                MaxRetryAttempts = Math.Max(1, _options.MaxRetries),
                Delay = _options.RetryDelay,
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NoReplyException>(),
                FailureRatio = 1.0,
                MinimumThroughput = Math.Max(2, _options.BreakAfterTimeouts),
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = _options.BreakDuration,
            })
            .Build();

    /// <summary>
    /// The documented baud change (reference §3): read the parameter block, write it back with the new baud and
    /// serial mode 0x00 (the chip accepts only 00-02 there; writing back the 0x80 it reports is what loses 115200 after
    /// a replug, vendor issue QT#642), RESET, wait, switch the open port to the new rate and probe. A CH32V208 (CDC-ACM)
    /// has no parameter block and ignores the line speed: a no-op there.
    /// </summary>
    public async Task ChangeBaudRateAsync(int baudRate, CancellationToken cancellationToken = default)
    {
        _ = LinuxNative.SpeedConstant(baudRate);
        if (_options.Chip == ControlChip.Ch32V208)
        {
            _transcript.Add($"-- baud change to {baudRate} skipped: the CH32V208 is CDC-ACM and has no parameter block");
            return;
        }

        var current = await RequestAsync(Ch9329Requests.GetParameters(), cancellationToken).ConfigureAwait(false);
        var block = ParameterBlock.Parse(current.Data) with { BaudRate = baudRate, SerialMode = 0x00 };
        await RequestAsync(Ch9329Requests.SetParameters(block), cancellationToken).ConfigureAwait(false);
        await RequestAsync(Ch9329Requests.Reset(), cancellationToken).ConfigureAwait(false);
        await ReopenAsync(baudRate, TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Factory reset by command (SET_DEFAULT_CFG then RESET; the chip comes back at 9600), or by holding RTS for 4 s
    /// (v1.9 boards: RTS drives the CH9329 DEF pin, reference §2.12). A CH32V208 has only the RTS way (Openterface_QT
    /// serial/FactoryResetManager.cpp): RTS 4 s, release, then it is reopened at 115200.
    /// </summary>
    public async Task FactoryResetAsync(bool viaRtsPin, CancellationToken cancellationToken = default)
    {
        var ch32 = _options.Chip == ControlChip.Ch32V208;
        if (viaRtsPin || ch32)
        {
            var port = _port ?? throw new DeviceException($"Serial port '{Uri}' is disconnected.", isTransient: true);
            await port.SetControlLinesAsync(dtr: ch32, rts: true, cancellationToken).ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromSeconds(4), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            await port.SetControlLinesAsync(dtr: ch32, rts: false, cancellationToken).ConfigureAwait(false);
            await ReopenAsync(ch32 ? 115200 : 9600, TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
            return;
        }

        await AttemptAsync(Ch9329Requests.SetDefaultConfig(), _options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
        await AttemptAsync(Ch9329Requests.Reset(), _options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
        await ReopenAsync(9600, TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a report that is not idempotent (a relative move or wheel step) exactly once: a lost ACK is never answered
    /// by a resend, which would double the motion. The link is then proven alive with GET_INFO (safe to retry); if the
    /// chip answers, the report is taken as delivered.
    /// </summary>
    public async Task SendOnceAsync(Ch9329Frame request, CancellationToken cancellationToken = default)
    {
        try
        {
            var reply = await AttemptAsync(request, _options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
            Ch9329Replies.EnsureSuccess(reply);
        }
        catch (Exception e) when (e is NoReplyException or ProtocolException { Error: not ProtocolError.ErrorReply })
        {
            _transcript.Add($"-- no ACK for {request.Command}; not resent (a resend would repeat the motion): {e.Message}");
            await GetInfoAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// An idempotent full-state report sent outside the circuit breaker (release-all at connect): retried on transient
    /// faults like any request, but its success does not count towards the breaker's "chip answers" statistics.
    /// </summary>
    public async Task SendStateAsync(Ch9329Frame request, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var reply = await AttemptAsync(request, _options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
                Ch9329Replies.EnsureSuccess(reply);
                return;
            }
            catch (Exception e) when (IsTransientFault(e) && attempt < Math.Max(1, _options.MaxRetries))
            {
                await Task.Delay(_options.RetryDelay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
