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
    /// The documented baud change (reference §3): read the parameter block, write it back with the new baud,
    /// RESET, wait, reopen at the new rate and probe. Gen2/3 (CDC-ACM) ignore the baud; this still succeeds there.
    /// </summary>
    public async Task ChangeBaudRateAsync(int baudRate, CancellationToken cancellationToken = default)
    {
        _ = LinuxNative.SpeedConstant(baudRate);
        var current = await RequestAsync(Ch9329Requests.GetParameters(), cancellationToken).ConfigureAwait(false);
        var block = ParameterBlock.Parse(current.Data) with { BaudRate = baudRate };
        await RequestAsync(Ch9329Requests.SetParameters(block), cancellationToken).ConfigureAwait(false);
        await RequestAsync(Ch9329Requests.Reset(), cancellationToken).ConfigureAwait(false);
        await ReopenAsync(baudRate, TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Factory reset by command (SET_DEFAULT_CFG then RESET; the chip comes back at 9600), or by holding RTS for 4 s
    /// (v1.9 boards: RTS drives the CH9329 DEF pin, reference §2.12).
    /// </summary>
    public async Task FactoryResetAsync(bool viaRtsPin, CancellationToken cancellationToken = default)
    {
        if (viaRtsPin)
        {
            var port = _port ?? throw new DeviceException($"Serial port '{Uri}' is disconnected.", isTransient: true);
            await port.SetControlLinesAsync(dtr: false, rts: true, cancellationToken).ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromSeconds(4), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            await port.SetControlLinesAsync(dtr: false, rts: false, cancellationToken).ConfigureAwait(false);
            await ReopenAsync(9600, TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
            return;
        }

        await AttemptAsync(Ch9329Requests.SetDefaultConfig(), _options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
        await AttemptAsync(Ch9329Requests.Reset(), _options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
        await ReopenAsync(9600, TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
    }
}
