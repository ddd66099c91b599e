namespace Openterface.Hil;

/// <summary>
/// Before the first keystroke or pointer event of a session: the target must have enumerated the emulated HID
/// device (and, when asked, echo a Caps Lock toggle on its LEDs). Failure is a rig fault with the link state as
/// evidence: firmware that ignores the CH9329 is the rig's problem, not the product's.
/// </summary>
internal sealed class HidReadinessGate
{
    private readonly RigActions _actions;
    private readonly SessionContext _session;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    public HidReadinessGate(RigActions actions)
    {
        _actions = actions;
        _session = actions.Session;
    }

    public bool IsReady => _ready;

    /// <summary>The target must enumerate again (after power or USB switching).</summary>
    public void Reset() => _ready = false;

    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ready)
            {
                return;
            }

            var timeout = _session.Timeout(null, t => t.HidReady);
            var verify = _session.Options.VerifyHidWithCapsLock;
            try
            {
                await _actions.Link.WaitUntilReadyAsync(timeout, verify, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw await NotReadyAsync(timeout, verify, e).ConfigureAwait(false);
            }

            _ready = true;
            OperatorLog.HidReady(_session.Logger, verify ? ", Caps Lock LED round trip seen" : string.Empty);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<RigFaultException> NotReadyAsync(TimeSpan timeout, bool verify, Exception error)
    {
        var evidence = new Dictionary<string, string>
        {
            ["error"] = _session.Redact($"{error.GetType().Name}: {error.Message}"),
            ["timeout"] = Durations.Format(timeout),
            ["caps lock round trip"] = verify ? "required" : "not required",
        };
        string state;
        try
        {
            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(2), _session.Time);
            var status = await _actions.Link.GetInfoAsync(quick.Token).ConfigureAwait(false);
            evidence["chip version"] = status.VersionText;
            evidence["target enumerated"] = status.TargetEnumerated ? "yes" : "no";
            evidence["leds"] = RigActions.Leds((byte)status.Leds);
            state = status.TargetEnumerated
                ? "the target enumerated the keyboard but did not echo the Caps Lock toggle on its LEDs"
                : "the target has not enumerated the Mini-KVM's keyboard";
        }
#pragma warning disable CA1031 // The link itself may be dead; that is evidence too.
        catch (Exception statusError)
#pragma warning restore CA1031
        {
            evidence["status"] = $"GET_INFO failed: {statusError.Message}";
            state = "the Mini-KVM does not answer";
        }

        evidence["serial transcript"] = _actions.TranscriptTail();
        var message = $"HID not ready within {Durations.Format(timeout)}: {state}. Check that the target's USB port is " +
            "cabled to the Mini-KVM and that the firmware accepts USB keyboards (BIOS 'USB legacy support').";
        OperatorLog.RigFault(_session.Logger, message);
        return new RigFaultException(message, evidence, error);
    }
}
