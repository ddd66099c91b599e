using Openterface.Hil.Device;
using Openterface.Hil.Protocol;

namespace Openterface.Hil;

/// <summary>
/// The target's ACPI power keys through the HID link (<see cref="SleepKeyAsync"/>, <see cref="PowerKeyAsync"/>,
/// <see cref="WakeKeyAsync"/>: no switch needed), and its power through the configured switch (<see cref="HilOptions.PowerSwitch"/> or
/// <see cref="HilOptions.Power"/>). After power changes the target must enumerate the keyboard again before the next
/// keystroke (the HID readiness gate re-arms).
/// </summary>
public sealed class PowerControl
{
    private readonly RigActions _actions;
    private readonly SessionContext _session;
    private readonly IKeyboardPort _keyboard;
    private readonly IPowerSwitch? _power;

    internal PowerControl(RigActions actions, IKeyboardPort keyboard, IPowerSwitch? power)
    {
        _actions = actions;
        _session = actions.Session;
        _keyboard = keyboard;
        _power = power;
    }

    /// <summary>Whether a power switch is configured.</summary>
    public bool IsAvailable => _power is not null;

    public Task OnAsync(CancellationToken cancellationToken = default) =>
        RunAsync("Power on", (driver, ct) => driver.PowerOnAsync(ct), cancellationToken);

    public Task OffAsync(CancellationToken cancellationToken = default) =>
        RunAsync("Power off", (driver, ct) => driver.PowerOffAsync(ct), cancellationToken);

    public Task ResetAsync(CancellationToken cancellationToken = default) =>
        RunAsync("Reset", (driver, ct) => driver.ResetAsync(ct), cancellationToken);

    /// <summary>Presses the ACPI Sleep key (the target's OS decides what it does, typically suspend).</summary>
    public Task SleepKeyAsync(CancellationToken cancellationToken = default) => AcpiAsync("Sleep key", AcpiKeys.Sleep, cancellationToken);

    /// <summary>Presses the ACPI Power key (the OS typically asks to shut down); the power switch is not touched.</summary>
    public Task PowerKeyAsync(CancellationToken cancellationToken = default) => AcpiAsync("Power key", AcpiKeys.Power, cancellationToken);

    /// <summary>Presses the ACPI Wake-up key.</summary>
    public Task WakeKeyAsync(CancellationToken cancellationToken = default) => AcpiAsync("Wake key", AcpiKeys.WakeUp, cancellationToken);

    /// <summary>Off, wait (<see cref="HilOptions.PowerCycleOffTime"/> unless given), on.</summary>
    public Task CycleAsync(TimeSpan? offTime = null, CancellationToken cancellationToken = default)
    {
        var off = offTime ?? _session.Options.PowerCycleOffTime;
        ArgumentOutOfRangeException.ThrowIfLessThan(off, TimeSpan.Zero);
        return RunAsync($"Power cycle ({Durations.Format(off)} off)", async (driver, ct) =>
        {
            await driver.PowerOffAsync(ct).ConfigureAwait(false);
            await Task.Delay(off, _session.Time, ct).ConfigureAwait(false);
            await driver.PowerOnAsync(ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    private Task AcpiAsync(string action, AcpiKeys key, CancellationToken cancellationToken) =>
        _actions.ActAsync($"Press {action}", new Dictionary<string, string>(), $"Press {action}", InputKind.Keyboard,
            ct => _keyboard.AcpiAsync(key, ct), cancellationToken);

    private Task RunAsync(string action, Func<IPowerSwitch, CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        var driver = _power ?? throw new InvalidOperationException(
            $"{action}: no power switch is configured. Set HilOptions.PowerSwitch (an IPowerSwitch) or HilOptions.Power (a URI).");
        return _actions.ActAsync(action, new Dictionary<string, string>(), action, InputKind.Other, async ct =>
        {
            _actions.Hid.Reset();
            await call(driver, ct).ConfigureAwait(false);
        }, cancellationToken);
    }
}
